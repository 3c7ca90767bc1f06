import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * THE one place for test checks that need a program of the operating system which no npm package
 * provides (README, "Tests"). Everything else `npm test` needs comes with `npm install`.
 *
 *  - In CI (`.ci/run` installs the programs and sets REQUIRE_SYSTEM_CHECKS=1) a missing program fails
 *    the test with the install command.
 *  - Elsewhere the check is not run: the test is skipped, and the check is written to
 *    tmp/test-reports/not-run/<name>.json, which `npm test` (scripts/test.mjs) lists at the END of
 *    its output with the install command — never silently.
 *
 * To add one: a SYSTEM_CHECKS entry here, `const bin = systemProgram('<name>', ctx)` in the test,
 * and its install line in .ci/run.
 */
export const SYSTEM_CHECKS = {
  libreoffice: {
    programs: ['soffice', 'libreoffice'],
    what: 'LibreOffice 渲染执法文书与工作通报 .docx 为 PDF（tests/integration/enforcement.test.ts、reports-notification-assessment.test.ts）',
    install: 'apt-get install -y libreoffice-writer-nogui fonts-noto-cjk',
  },
} as const;

export type SystemCheck = keyof typeof SYSTEM_CHECKS;

export const REQUIRED = ['1', 'true', 'yes'].includes((process.env.REQUIRE_SYSTEM_CHECKS ?? '').toLowerCase());

function find(programs: readonly string[]): string | null {
  for (const bin of programs) if (spawnSync('sh', ['-c', `command -v ${bin}`]).status === 0) return bin;
  return null;
}

/**
 * The program of a system check, or — when it is missing and not required — null after recording
 * the check as not run and skipping the calling test (`ctx` is the vitest test context).
 */
export function systemProgram(name: SystemCheck, ctx: { skip: (note?: string) => void; task: { name: string; file?: { name: string } } }): string {
  const check = SYSTEM_CHECKS[name];
  const bin = find(check.programs);
  if (bin) return bin;
  const message = `${check.what}: ${check.programs.join(' / ')} not found — install with: ${check.install}`;
  if (REQUIRED) throw new Error(`REQUIRE_SYSTEM_CHECKS is set and ${message}`);
  const dir = join('tmp', 'test-reports', 'not-run');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, `${name}.json`), JSON.stringify({ name, test: ctx.task.name, what: check.what, install: check.install }));
  ctx.skip(message);
  throw new Error('unreachable: skipped');
}
