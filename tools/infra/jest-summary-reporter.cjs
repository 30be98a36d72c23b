// Writes one project's test counts where `npm test` (tools/infra/src/run-tests.ts) adds them up.
const { writeFileSync } = require('node:fs');
const { basename, join } = require('node:path');

class SummaryReporter {
  constructor(globalConfig) {
    this.name = basename(globalConfig.rootDir);
  }

  onRunComplete(_contexts, results) {
    const dir = process.env.TEST_SUMMARY_DIR;
    if (!dir) return;
    writeFileSync(
      join(dir, `${this.name}-${process.pid}.json`),
      JSON.stringify({
        project: this.name,
        passed: results.numPassedTests,
        // A suite that cannot load runs no test; count it as one failure so it is never silent.
        failed: results.numFailedTests + results.numRuntimeErrorTestSuites,
        skipped: results.numPendingTests + results.numTodoTests,
      }),
    );
  }
}

module.exports = SummaryReporter;
