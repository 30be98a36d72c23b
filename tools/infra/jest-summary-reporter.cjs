// Writes one Jest run's counts and time (a project's unit or integration specs) where `npm test`
// (tools/infra/src/run-tests.ts) adds them up.
const { writeFileSync } = require('node:fs');
const { basename, join, relative } = require('node:path');

/** The first line of a failure, without colours: enough to tell a timeout from a wrong value. */
// eslint-disable-next-line no-control-regex -- Jest colours its messages
const COLOURS = /\u001b\[[0-9;]*m/g;
const firstLine = (message) =>
  (message ?? '')
    .replace(COLOURS, '')
    .split('\n')
    .find((line) => line.trim() !== '') ?? '';

class SummaryReporter {
  constructor(globalConfig) {
    this.rootDir = globalConfig.rootDir;
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
        // Named so the end of a long CI log says which tests failed and how, not only which project.
        failures: results.testResults.flatMap((suite) => {
          const file = relative(this.rootDir, suite.testFilePath);
          if (suite.testExecError)
            return [{ file, test: '(the suite could not run)', reason: firstLine(suite.testExecError.message) }];
          return suite.testResults
            .filter((test) => test.status === 'failed')
            .map((test) => ({ file, test: test.fullName, reason: firstLine(test.failureMessages[0]) }));
        }),
      }),
    );
  }
}

module.exports = SummaryReporter;
