// `npm start`: build the two web apps (a few seconds with Vite), then run the server from source
// with tsx. The server migrates and seeds the database itself on first start.
import { spawn, spawnSync } from 'node:child_process';

if (process.env.SKIP_WEB_BUILD !== '1') {
  const build = spawnSync('npx', ['vite', 'build', '--logLevel', 'warn'], { stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
}
const server = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], { stdio: 'inherit' });
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => server.kill(sig));
server.on('exit', (code) => process.exit(code ?? 0));
