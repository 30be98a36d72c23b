import { figuresFrom } from './open-api-fuzzer';

const scenario = (label: string, outcomes: [status: number, checks: [name: string, status: string][]][]) =>
  JSON.stringify({
    ScenarioFinished: {
      recorder: {
        label,
        interactions: Object.fromEntries(
          outcomes.map(([status], index) => [`c${index}`, { response: { status_code: status } }]),
        ),
        checks: Object.fromEntries(
          outcomes.map(([, checks], index) => [
            `c${index}`,
            checks.map(([name, result]) => ({
              name,
              status: result,
              ...(result === 'failure' && {
                failure_info: {
                  failure: { title: 'Response violates schema', message: 'null is not of type "string"' },
                },
              }),
            })),
          ]),
        ),
      },
    },
  });

describe('fuzzer figures from the ndjson report', () => {
  it('counts operations, requests, statuses and failures by check', () => {
    const ndjson = [
      scenario('GET /v1/programs', [
        [
          200,
          [
            ['not_a_server_error', 'success'],
            ['response_schema_conformance', 'failure'],
          ],
        ],
        [400, [['not_a_server_error', 'success']]],
      ]),
      scenario('POST /v1/programs', [[500, [['not_a_server_error', 'failure']]]]),
    ].join('\n');
    const figures = figuresFrom(ndjson, '');
    expect(figures).toMatchObject({
      operations: 2,
      requests: 3,
      serverErrors: 1,
      schemaFailures: 1,
      statuses: { '200': 1, '400': 1, '500': 1 },
    });
    expect(figures.failures).toEqual([
      expect.stringContaining('response_schema_conformance GET /v1/programs: Response violates schema'),
      expect.stringContaining('not_a_server_error POST /v1/programs'),
    ]);
  });

  it('fails a run that produced no report rather than passing it', () => {
    expect(figuresFrom('', 'schemathesis: error: could not load the schema').failures).toEqual([
      expect.stringContaining('could not load the schema'),
    ]);
  });
});
