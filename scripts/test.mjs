// `npm test` — everything CI runs, in order, stopping at the first failure:
// typecheck, lint, unit tests, integration tests on PGlite, the same integration tests on
// PostgreSQL when TEST_DATABASE_URL is set, then browser tests in Chromium.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
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
// Checks that need a system program no npm package provides (tests/helpers/system-checks.ts) write
// themselves here when they could not run; they are listed at the end, never silently dropped.
const notRunDir = join(reportDir, 'not-run');
rmSync(notRunDir, { recursive: true, force: true });

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
    console.log(`\n${results.join('\n')}\n${failureSummary(report)}${notRunSummary()}\nnpm test failed at: ${name}`);
    process.exit(r.status ?? 1);
  }
});
console.log(`\n${results.join('\n')}\n${notRunSummary()}\nnpm test: all steps passed${existsSync(notRunDir) && readdirSync(notRunDir).length ? ' (except the checks listed as not run above)' : ''}`);

/** The system checks that could not run on this machine, with how to install what they need. */
function notRunSummary() {
  if (!existsSync(notRunDir)) return '';
  const checks = readdirSync(notRunDir)
    .filter((f) => f.endsWith('.json'))
    .map((f) => JSON.parse(readFileSync(join(notRunDir, f), 'utf8')));
  if (!checks.length) return '';
  const lines = checks.map((c) => `  - ${c.what}\n    not run: the program is missing. Install: ${c.install}`);
  return `\nNOT RUN (mandatory in CI, where .ci/run installs them and sets REQUIRE_SYSTEM_CHECKS=1):\n${lines.join('\n')}\n`;
}

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
