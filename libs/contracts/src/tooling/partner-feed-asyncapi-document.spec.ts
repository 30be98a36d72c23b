import { Parser } from '@asyncapi/parser';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { PARTNER_EVENTS, PartnerApplicationAccepted, PartnerStartupProfile } from '../index';
import { buildPartnerFeedAsyncApiDocument } from './index';

describe("a partner's feed AsyncAPI document", () => {
  const document = buildPartnerFeedAsyncApiDocument({
    title: 'Technopark feed for Plug and Play',
    version: '1.0.0',
    description: 'Signed webhooks and a topic.',
    channels: [
      {
        id: 'sub-1',
        route: { kind: 'webhook', url: 'https://hooks.partner.example/technopark' },
        description: 'our batch',
        contracts: [PartnerApplicationAccepted, PartnerStartupProfile],
      },
      {
        id: 'sub-2',
        route: { kind: 'webhook', url: 'http://127.0.0.1:8080/all' },
        description: 'everything',
        contracts: PARTNER_EVENTS,
      },
      {
        id: 'sub-3',
        route: {
          kind: 'kafka',
          bootstrapServers: 'kafka-partners.technopark.ma:9094',
          topic: 'technopark.partners.plug-and-play',
          groupPrefix: 'technopark.partners.plug-and-play.',
        },
        description: 'our topic',
        contracts: [PartnerApplicationAccepted],
      },
    ],
  });

  it('describes a Kafka subscription as its topic on the SCRAM listener, with its own headers and key', async () => {
    const { document: parsed, diagnostics } = await new Parser().parse(JSON.stringify(document));

    expect(diagnostics.filter((diagnostic) => diagnostic.severity === 0)).toEqual([]);
    const server = parsed?.servers().get('sub-3');
    expect([server?.protocol(), server?.host()]).toEqual(['kafka', 'kafka-partners.technopark.ma:9094']);
    expect(server?.security().map((requirements) => requirements.all().map((r) => r.scheme().type()))).toEqual([
      ['scramSha512'],
    ]);
    const channel = parsed?.channels().get('sub-3');
    expect(channel?.address()).toBe('technopark.partners.plug-and-play');
    const message = channel?.messages().all()[0];
    expect(message?.name()).toBe(PartnerApplicationAccepted.type);
    expect(Object.keys((message?.headers()?.json() as { properties: object }).properties)).toContain(
      'technopark-delivery-id',
    );
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
      ['sub-3', 'technopark.partners.plug-and-play'],
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
