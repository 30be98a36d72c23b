import { Parser } from '@asyncapi/parser';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { PARTNER_EVENTS, PartnerApplicationAccepted, PartnerStartupProfile } from '../index';
import { buildWebhookAsyncApiDocument } from './index';

describe("a partner's webhook AsyncAPI document", () => {
  const document = buildWebhookAsyncApiDocument({
    title: 'Technopark feed for Plug and Play',
    version: '1.0.0',
    description: 'Signed webhooks.',
    channels: [
      {
        id: 'sub-1',
        url: 'https://hooks.partner.example/technopark',
        description: 'our batch',
        contracts: [PartnerApplicationAccepted, PartnerStartupProfile],
      },
      { id: 'sub-2', url: 'http://127.0.0.1:8080/all', description: 'everything', contracts: PARTNER_EVENTS },
    ],
  });

  it('is a valid AsyncAPI 3 document, with one channel per subscription and its types only', async () => {
    const { document: parsed, diagnostics } = await new Parser().parse(JSON.stringify(document));

    expect(
      diagnostics.filter((diagnostic) => diagnostic.severity === 0).map((diagnostic) => diagnostic.message),
    ).toEqual([]);
    const channels = parsed?.channels().all() ?? [];
    expect(channels.map((channel) => [channel.id(), channel.address()])).toEqual([
      ['sub-1', '/technopark'],
      ['sub-2', '/all'],
    ]);
    expect(
      channels[0]
        ?.messages()
        .all()
        .map((message) => message.name()),
    ).toEqual([PartnerApplicationAccepted.type, PartnerStartupProfile.type]);
    expect(channels[1]?.messages().all()).toHaveLength(PARTNER_EVENTS.length);
  });

  it("shows each type's example inside the envelope, valid against the message's schema", () => {
    const components = (
      document as { components: { schemas: Record<string, object>; messages: Record<string, never> } }
    ).components;
    const ajv = addFormats(new Ajv({ strict: false }));
    for (const schema of Object.entries(components.schemas))
      ajv.addSchema(schema[1], `#/components/schemas/${schema[0]}`);
    for (const contract of PARTNER_EVENTS) {
      const message = components.messages[contract.type.replace('ma.technopark.', '')] as {
        payload: object;
        examples: { payload: object }[];
      };
      expect([contract.type, ajv.validate(message.payload, message.examples[0]?.payload) || ajv.errorsText()]).toEqual([
        contract.type,
        true,
      ]);
    }
  });
});
