// Writes one Jest run's counts and time (a project's unit or integration specs) where `npm test`
// (tools/infra/src/run-tests.ts) adds them up.
const { writeFileSync } = require('node:fs');
const { basename, join } = require('node:path');

class SummaryReporter {
  constructor(globalConfig) {
    this.name = basename(globalConfig.rootDir);
    this.target = process.env.TECHNOPARK_TEST_SUITE === 'integration' ? 'int-test' : 'test';
  }

  onRunComplete(_contexts, results) {
    const dir = process.env.TEST_SUMMARY_DIR;
    if (!dir) return;
    writeFileSync(
      join(dir, `${this.name}-${this.target}-${process.pid}.json`),
      JSON.stringify({
        project: this.name,
        target: this.target,
        passed: results.numPassedTests,
        // A suite that cannot load runs no test; count it as one failure so it is never silent.
        failed: results.numFailedTests + results.numRuntimeErrorTestSuites,
        skipped: results.numPendingTests + results.numTodoTests,
        seconds: (Date.now() - results.startTime) / 1000,
      }),
    );
  }
}

module.exports = SummaryReporter;
