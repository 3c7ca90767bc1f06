// Production build of the two web apps. NODE_ENV is forced to production for the build: with
// NODE_ENV=development set in the shell, Vite would otherwise bundle React's development runtime
// (jsxDEV) and antd's development warnings. `npm run dev` + `npx vite` is the development path.
import { spawnSync } from 'node:child_process';

export function buildWeb() {
  const build = spawnSync('npx', ['vite', 'build', '--mode', 'production', '--logLevel', 'warn'], { stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' } });
  return build.status ?? 1;
}

if (import.meta.url === `file://${process.argv[1]}`) process.exit(buildWeb());
