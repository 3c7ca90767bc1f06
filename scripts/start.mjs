// `npm start`: build the two web apps (a few seconds with Vite), then run the server from source
// with tsx. The server migrates and seeds the database itself on first start.
// The build is always a production build, whatever NODE_ENV says (scripts/build-web.mjs).
import { spawn } from 'node:child_process';
import { buildWeb } from './build-web.mjs';

if (process.env.SKIP_WEB_BUILD !== '1') {
  const status = buildWeb();
  if (status !== 0) process.exit(status);
}
const server = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], { stdio: 'inherit' });
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => server.kill(sig));
server.on('exit', (code) => process.exit(code ?? 0));
