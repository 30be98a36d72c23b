import { Parser } from '@asyncapi/parser';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PARTNER_EVENTS, PUBLISHED_EVENTS } from '../index';
import { ASYNCAPI_DOCUMENT_PATH, payloadSchemaOf, writeAsyncApiDocument } from './index';

describe('the AsyncAPI document partners read', () => {
  const written = join(tmpdir(), `asyncapi-${process.pid}.json`);
  const generated = writeAsyncApiDocument(written);
  afterAll(() => rmSync(written, { force: true }));

  it('is a valid AsyncAPI 3 document with no errors', async () => {
    const { document, diagnostics } = await new Parser().parse(JSON.stringify(generated));

    expect(
      diagnostics.filter((diagnostic) => diagnostic.severity === 0).map((diagnostic) => diagnostic.message),
    ).toEqual([]);
    expect(document?.version()).toBe('3.0.0');
    expect(
      document
        ?.messages()
        .all()
        .map((message) => message.name())
        .sort(),
    ).toEqual(PUBLISHED_EVENTS.map((contract) => contract.type).sort());
    expect(
      document
        ?.channels()
        .all()
        .map((channel) => channel.address())
        .sort(),
    ).toEqual([
      'technopark.{site}.applications',
      'technopark.{site}.funders',
      'technopark.{site}.funding-matches',
      'technopark.{site}.fundings',
      'technopark.{site}.introductions',
      'technopark.{site}.kpis',
      'technopark.{site}.occupancy',
      'technopark.{site}.partner-consents',
      'technopark.{site}.registrations',
      'technopark.{site}.residencies',
      'technopark.{site}.resident-reports',
      'technopark.{site}.site-events',
      'technopark.{site}.spaces',
      'technopark.{site}.startups',
    ]);
  });

  it('is the committed docs/asyncapi.json (run npm run contracts:asyncapi after changing a contract)', () => {
    expect(JSON.parse(readFileSync(ASYNCAPI_DOCUMENT_PATH, 'utf8'))).toEqual(generated);
  });

  it.each([...PUBLISHED_EVENTS, ...PARTNER_EVENTS].map((contract) => [contract.type, contract] as const))(
    'shows an example of %s that passes both the class and the schema',
    (_type, contract) => {
      const ajv = addFormats(new Ajv({ allErrors: true, strict: false }));

      expect(validateSync(plainToInstance(contract.payload, contract.example), { forbidUnknownValues: true })).toEqual(
        [],
      );
      expect(ajv.validate(payloadSchemaOf(contract), contract.example) || ajv.errorsText()).toBe(true);
      const required = (payloadSchemaOf(contract) as { required?: string[] }).required ?? [];
      expect(required.length).toBeGreaterThan(0);
      for (const field of required)
        expect([field, ajv.validate(payloadSchemaOf(contract), { ...contract.example, [field]: undefined })]).toEqual([
          field,
          false,
        ]);
    },
  );
});
