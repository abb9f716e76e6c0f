import type { Reporter, TestModule } from 'vitest/node';

/**
 * Under CI=true every suite must run: a suite that cannot run in CI is a CI bug (a missing package, a missing
 * install step), not a pass. This reporter lists every skipped test with its reason and fails the run when there
 * is one. Outside CI, skips stay what they are (no root, no package: the suite says why and skips).
 */
export default class NoSkipsReporter implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>): void {
    const skipped: string[] = [];
    for (const mod of testModules) {
      for (const test of mod.children.allTests()) {
        const result = test.result();
        if (result.state !== 'skipped') continue;
        const note = result.note ? ` (${result.note})` : '';
        skipped.push(`${mod.moduleId.replace(`${process.cwd()}/`, '')} > ${test.fullName}${note}`);
      }
    }
    if (skipped.length === 0) return;
    process.stderr.write(`\nCI=true: ${skipped.length} test(s) skipped; in CI every suite must run:\n`);
    for (const line of skipped) process.stderr.write(`  skipped: ${line}\n`);
    process.exitCode = 1;
  }
}
