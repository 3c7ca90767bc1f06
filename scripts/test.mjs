// `npm test` — everything CI runs, in order, stopping at the first failure:
// typecheck, lint, unit tests, integration tests on PGlite, the same integration tests on
// PostgreSQL when TEST_DATABASE_URL is set, then browser tests in Chromium.
import { spawnSync } from 'node:child_process';

const steps = [
  ['typecheck', 'npx', ['tsc', '-p', '.']],
  ['lint', 'npx', ['biome', 'check', '.']],
  ['unit', 'npx', ['vitest', 'run', '--project', 'unit']],
  ['integration (PGlite)', 'npx', ['vitest', 'run', '--project', 'integration'], { TEST_DB_DRIVER: 'pglite' }],
];
if (process.env.TEST_DATABASE_URL) {
  steps.push(['integration (PostgreSQL)', 'npx', ['vitest', 'run', '--project', 'integration'], { TEST_DB_DRIVER: 'postgres' }]);
} else {
  console.log('note: TEST_DATABASE_URL is not set — integration tests run on PGlite only (.ci/run sets it).');
}
steps.push(['build web', 'npx', ['vite', 'build', '--logLevel', 'warn']]);
steps.push(['browser (Chromium)', 'npx', ['vitest', 'run', '--project', 'e2e']]);

const results = [];
for (const [name, cmd, args, extraEnv] of steps) {
  console.log(`\n━━ ${name} ━━`);
  const started = Date.now();
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, ...(extraEnv ?? {}) } });
  const secs = ((Date.now() - started) / 1000).toFixed(1);
  results.push(`${r.status === 0 ? 'ok  ' : 'FAIL'} ${name} (${secs}s)`);
  if (r.status !== 0) {
    console.log(`\n${results.join('\n')}\n\nnpm test failed at: ${name}`);
    process.exit(r.status ?? 1);
  }
}
console.log(`\n${results.join('\n')}\n\nnpm test: all steps passed`);
