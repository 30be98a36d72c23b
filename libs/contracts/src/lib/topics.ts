import { PARTNER_ID_FORMAT } from '../events/partner/partner-terms';

/**
 * Topic naming: `technopark.<site>.<stream>`. The site comes first so several sites can
 * share one cluster without seeing each other's events (ACLs can grant `technopark.<site>.`
 * as a prefix), and a national consumer subscribes to one stream of every site by pattern.
 */
const TOPIC_PREFIX = 'technopark';
const SITE_FORMAT = /^[a-z][a-z0-9-]{1,39}$/;
const STREAM_FORMAT = /^[a-z][a-z0-9-]*$/;

export function topicFor(site: string, stream: string): string {
  assertName('site', site, SITE_FORMAT);
  assertName('stream', stream, STREAM_FORMAT);
  return `${TOPIC_PREFIX}.${site}.${stream}`;
}

/** The scope of the network's own figures; never a site, so never part of a site pattern. */
export const NATIONAL_SCOPE = 'national';

/** The partners' own topics, `technopark.partners.<partner>`: never a site, so never part of a site pattern. */
export const PARTNERS_SCOPE = 'partners';

/** Names that look like a site in a topic name but are not one. */
export const RESERVED_SITE_IDS: readonly string[] = [NATIONAL_SCOPE, PARTNERS_SCOPE];

/** Every site's topic of one stream, for national consumers; `sites` narrows it to the site ids it matches whole. */
export function topicPatternFor(stream: string, sites = '[a-z][a-z0-9-]{1,39}'): RegExp {
  assertName('stream', stream, STREAM_FORMAT);
  return new RegExp(`^${TOPIC_PREFIX}\\.(?!(?:${RESERVED_SITE_IDS.join('|')})\\.)(?:${sites})\\.${stream}$`);
}

/** The topic the partner gateway writes one partner's feed to, and only that partner may read. */
export function partnerTopicFor(partnerId: string): string {
  assertName('partner', partnerId, PARTNER_ID_FORMAT);
  return `${TOPIC_PREFIX}.${PARTNERS_SCOPE}.${partnerId}`;
}

/** The SCRAM user a partner reads its topic with: the gateway names it, the operator creates it. */
export const partnerKafkaUsername = (partnerId: string): string => `partner-${partnerId}`;

/** The prefix of the consumer groups a partner may use: its topic's name and a dot, so no other partner's id extends it. */
export const partnerGroupPrefixFor = (partnerId: string): string => `${partnerTopicFor(partnerId)}.`;

/** Where one consumer group's rejected events go: `technopark.<site>.dlq.<group>`. */
export function deadLetterTopicFor(site: string, consumerGroup: string): string {
  return `${topicFor(site, 'dlq')}.${consumerGroup.toLowerCase().replace(/[^a-z0-9-]/g, '-')}`;
}

/** The site part of a topic name, or undefined when it does not follow the convention. */
export function siteOfTopic(topic: string): string | undefined {
  const [prefix, site] = topic.split('.');
  return prefix === TOPIC_PREFIX && site && SITE_FORMAT.test(site) && site !== PARTNERS_SCOPE ? site : undefined;
}

function assertName(what: string, value: string, format: RegExp): void {
  if (!format.test(value)) throw new Error(`invalid ${what} '${value}' for a topic name (expected ${format})`);
}
