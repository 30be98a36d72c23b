import { type EventContract, topicFor } from '@technopark/contracts';
import { encodeEvent } from '@technopark/messaging';
import { TestTokens } from '@technopark/security/testing';
import {
  connectTestProducer,
  infrastructureEnv,
  type TestProducer,
  testKafka,
  uniqueSiteId,
} from '@technopark/testing';
import { type ServiceProcess, startServiceProcess } from './service-process';

/** A fresh site on the test cell with some of its services as processes, and the other services' events at hand. */
export interface JourneySite {
  readonly site: string;
  readonly tokens: TestTokens;
  readonly services: Record<string, ServiceProcess>;
  /** Produces an event as its service would, to the site's topic. */
  publish(contract: EventContract, payload: object): Promise<void>;
  stop(): Promise<void>;
}

export async function startJourneySite(
  prefix: string,
  services: Record<string, Record<string, string>>,
): Promise<JourneySite> {
  const site = uniqueSiteId(prefix);
  const tokens = new TestTokens();
  const env = { SITE_ID: site, ...infrastructureEnv(), ...tokens.environment };
  const names = Object.keys(services);
  const started = await Promise.all(names.map((name) => startServiceProcess(name, { ...env, ...services[name] })));
  const producer: TestProducer = await connectTestProducer(testKafka(env.KAFKA_BROKERS));
  return {
    site,
    tokens,
    services: Object.fromEntries(names.map((name, index) => [name, started[index] as ServiceProcess])),
    async publish(contract, payload) {
      await producer.send(topicFor(site, contract.stream), [
        encodeEvent(contract, payload, { site, service: contract.producer }),
      ]);
    },
    async stop() {
      await producer.disconnect();
      await Promise.all(started.map((service) => service.stop()));
    },
  };
}
