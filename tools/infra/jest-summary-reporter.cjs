// Writes one project's test counts where `npm test` (tools/infra/src/run-tests.ts) adds them up.
const { writeFileSync } = require('node:fs');
const { join } = require('node:path');

class SummaryReporter {
  constructor(globalConfig) {
    this.name = globalConfig.rootDir ? require('node:path').basename(globalConfig.rootDir) : 'jest';
  }

  onRunComplete(_contexts, results) {
    const dir = process.env.TEST_SUMMARY_DIR;
    if (!dir) return;
    const failedSuites = results.numRuntimeErrorTestSuites + (results.numFailedTestSuites > 0 && results.numFailedTests === 0 ? results.numFailedTestSuites : 0);
    writeFileSync(
      join(dir, `${this.name}-${process.pid}.json`),
      JSON.stringify({
        passed: results.numPassedTests,
        failed: results.numFailedTests + failedSuites,
        skipped: results.numPendingTests + results.numTodoTests,
      }),
    );
  }
}

module.exports = SummaryReporter;
