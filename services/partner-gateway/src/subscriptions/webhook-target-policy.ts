import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { BlockList, isIP } from 'node:net';
import { Inject, Injectable } from '@nestjs/common';
import { SERVICE_ENVIRONMENT, UnprocessableError } from '@technopark/platform';
import type { PartnerGatewayEnvironment } from '../config/partner-gateway.environment';

/** Addresses a webhook must never reach: this host, the cell's own networks, cloud metadata. */
const NOT_PUBLIC = new BlockList();
for (const [network, prefix] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
] as const)
  NOT_PUBLIC.addSubnet(network, prefix, 'ipv4');
for (const [network, prefix] of [
  ['::', 127],
  ['64:ff9b::', 96],
  ['fc00::', 7],
  ['fe80::', 10],
  ['ff00::', 8],
] as const)
  NOT_PUBLIC.addSubnet(network, prefix, 'ipv6');

export function isPublicAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 0) return false;
  // An IPv4-mapped IPv6 address is judged as the IPv4 address it carries (BlockList would match
  // every IPv4 address against a ::ffff:0:0/96 rule, so there is none).
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address)?.[1];
  if (mapped) return !NOT_PUBLIC.check(mapped, 'ipv4');
  return !NOT_PUBLIC.check(address, family === 4 ? 'ipv4' : 'ipv6');
}

type LookupCallback = (error: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;

/**
 * The SSRF guard: a webhook goes over https to public addresses only. The name is resolved when the
 * subscription is made (a clear 422), and again at every connection, where the resolved address is
 * the one connected to: a name that later resolves somewhere private is refused, not followed.
 * `WEBHOOK_ALLOW_LOCAL_TARGETS` lifts both rules, for local tests and demos only.
 */
@Injectable()
export class WebhookTargetPolicy {
  readonly allowLocal: boolean;

  constructor(@Inject(SERVICE_ENVIRONMENT) environment: PartnerGatewayEnvironment) {
    this.allowLocal = environment.WEBHOOK_ALLOW_LOCAL_TARGETS;
  }

  async assertAcceptable(url: string): Promise<void> {
    const target = new URL(url);
    if (this.allowLocal) return;
    if (target.protocol !== 'https:') throw unsafeTarget(url, 'a webhook URL must use https');
    const host = target.hostname.replace(/^\[|\]$/g, '');
    const addresses = await resolveAll(host).catch(() => {
      throw unsafeTarget(url, `${host} does not resolve`);
    });
    const refused = addresses.filter((address) => !isPublicAddress(address));
    if (refused.length > 0)
      throw unsafeTarget(url, `${host} resolves to ${refused.join(', ')}, which is not a public address`);
  }

  /** For http(s).request: resolves as usual, and fails the connection to an address that is not public. */
  readonly lookup = (hostname: string, options: object, callback: LookupCallback): void => {
    dnsLookup(hostname, { ...options, all: true }, (error, addresses) => {
      if (error) return callback(error, []);
      const refused = addresses.filter(({ address }) => !this.allowLocal && !isPublicAddress(address));
      if (refused.length > 0) {
        const blocked = Object.assign(
          new Error(`${hostname} resolves to ${refused.map(({ address }) => address).join(', ')}, which is not public`),
          { code: 'EADDRNOTPUBLIC' },
        );
        return callback(blocked, []);
      }
      if ((options as { all?: boolean }).all) return callback(null, addresses);
      const [first] = addresses;
      return callback(null, first?.address ?? '', first?.family);
    });
  };
}

function resolveAll(host: string): Promise<string[]> {
  if (isIP(host)) return Promise.resolve([host]);
  return new Promise((resolve, reject) =>
    dnsLookup(host, { all: true }, (error, addresses) =>
      error ? reject(error) : resolve(addresses.map(({ address }) => address)),
    ),
  );
}

const unsafeTarget = (url: string, reason: string) =>
  new UnprocessableError('SUBSCRIPTION.UNSAFE_WEBHOOK_URL', `${reason}: webhooks reach only public https endpoints`, {
    url,
  });
