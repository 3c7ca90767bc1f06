// Regenerates SQL migrations from server/db/schema with drizzle-kit. Serialised with a lock file
// so two people (or agents) running it at once in one checkout do not interleave.
import { execFileSync } from 'node:child_process';
import { closeSync, openSync, rmSync, statSync } from 'node:fs';

const lock = 'tmp/.db-generate.lock';
execFileSync('mkdir', ['-p', 'tmp']);
for (let i = 0; ; i++) {
  try {
    closeSync(openSync(lock, 'wx'));
    break;
  } catch {
    if (i > 600 || Date.now() - statSync(lock).mtimeMs > 120_000) rmSync(lock, { force: true });
    await new Promise((r) => setTimeout(r, 200));
  }
}
try {
  const name = process.argv[2] ?? 'change';
  execFileSync('npx', ['drizzle-kit', 'generate', '--name', name], { stdio: 'inherit' });
} finally {
  rmSync(lock, { force: true });
}
