// `npm test` — everything CI runs, in order, stopping at the first failure:
// typecheck, lint, unit tests, integration tests on PGlite, the same integration tests on
// PostgreSQL when TEST_DATABASE_URL is set, then browser tests in Chromium.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

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
steps.push(['build web', 'node', ['scripts/build-web.mjs']]);
steps.push(['browser (Chromium)', 'npx', ['vitest', 'run', '--project', 'e2e']]);

// Each vitest step also writes a JSON report, so that a failure ends the output with the failing
// tests and their messages (a CI log is often read from its tail only).
const reportDir = join('tmp', 'test-reports');
mkdirSync(reportDir, { recursive: true });

const results = [];
steps.forEach(([name, cmd, args, extraEnv], i) => {
  console.log(`\n━━ ${name} ━━`);
  const report = join(reportDir, `step-${i}.json`);
  rmSync(report, { force: true });
  const fullArgs = args[0] === 'vitest' ? [...args, '--reporter=default', '--reporter=json', `--outputFile.json=${report}`] : args;
  const started = Date.now();
  const r = spawnSync(cmd, fullArgs, { stdio: 'inherit', env: { ...process.env, ...(extraEnv ?? {}) } });
  const secs = ((Date.now() - started) / 1000).toFixed(1);
  results.push(`${r.status === 0 ? 'ok  ' : 'FAIL'} ${name} (${secs}s)`);
  if (r.status !== 0) {
    console.log(`\n${results.join('\n')}\n${failureSummary(report)}\nnpm test failed at: ${name}`);
    process.exit(r.status ?? 1);
  }
});
console.log(`\n${results.join('\n')}\n\nnpm test: all steps passed`);

/** "file › test: first lines of the message" for every failed test in a vitest JSON report. */
function failureSummary(report) {
  if (!existsSync(report)) return '';
  // biome-ignore lint/suspicious/noControlCharactersInRegex: removing terminal colour codes is the point
  const strip = (text) => text.replace(/\u001b\[[0-9;]*m/g, '');
  const lines = [];
  for (const file of JSON.parse(readFileSync(report, 'utf8')).testResults ?? []) {
    const where = file.name.replace(`${process.cwd()}/`, '');
    const failed = (file.assertionResults ?? []).filter((a) => a.status === 'failed');
    if (!failed.length && file.status === 'failed') lines.push(`✗ ${where}: ${strip(file.message ?? '').slice(0, 600)}`);
    for (const a of failed) lines.push(`✗ ${where} › ${a.fullName}\n    ${strip(a.failureMessages?.[0] ?? '').split('\n').slice(0, 6).join('\n    ').slice(0, 1200)}`);
  }
  return lines.length ? `\nFailed tests:\n${lines.join('\n')}\n` : '';
}
