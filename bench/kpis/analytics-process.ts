import type { EventContract } from '@technopark/contracts';
import { bearer } from '@technopark/security/testing';
import { type ServiceProcess, startServiceProcess } from '../support/service-process';

/** An event as another service would have published it, at a given time. */
export interface ScriptedEvent {
  readonly contract: EventContract;
  readonly payload: object;
  readonly time: string;
}

export function scripted<T extends object>(contract: EventContract<T>, payload: T, time: string): ScriptedEvent {
  return { contract: contract as EventContract, payload, time };
}

/** The analytics service as it runs on a site: its own process, fed through Kafka, read over HTTP. */
export interface AnalyticsProcess {
  publish(events: readonly ScriptedEvent[]): Promise<void>;
  /** The answer body of a GET as site staff; throws on any status but 200. */
  get(path: string): Promise<unknown>;
  close(): Promise<void>;
}

/**
 * Starts analytics on a fresh site of the given servers (or on `environment.SITE_ID`, whose topics may
 * already hold a history), and a producer standing in for the other services.
 */
export async function startAnalyticsProcess(
  servers: { kafkaBrokers: string; mongoUrl: string },
  environment: Record<string, string> = {},
  options: { built?: boolean } = {},
): Promise<AnalyticsProcess & { readonly service: ServiceProcess }> {
  const service = await startServiceProcess('analytics', servers, environment, options);
  const staff = bearer(await service.tokens.forRole('site-staff', service.site));
  return {
    async publish(events) {
      for (const event of events) await service.publishAt(event.contract, event.payload, new Date(event.time));
    },
    async get(path) {
      const answer = await service.call('GET', path, undefined, staff);
      if (answer.status !== 200)
        throw new Error(`bench: GET ${path} answered ${answer.status}: ${JSON.stringify(answer.body)}`);
      return answer.body;
    },
    close: () => service.close(),
    service,
  };
}
