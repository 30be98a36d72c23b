import type { PartnerGatewayEnvironment } from '../config/partner-gateway.environment';
import { isPublicAddress, WebhookTargetPolicy } from './webhook-target-policy';

const policy = (allowLocal: boolean) =>
  new WebhookTargetPolicy({ WEBHOOK_ALLOW_LOCAL_TARGETS: allowLocal } as PartnerGatewayEnvironment);

const lookupError = (target: WebhookTargetPolicy, host: string) =>
  new Promise<{ code?: string } | null>((resolve) => target.lookup(host, {}, (error) => resolve(error)));

describe('the webhook target policy (SSRF guard)', () => {
  it('tells public addresses from this host, private networks, link-local (cloud metadata) and mapped ones', () => {
    for (const address of [
      '127.0.0.1',
      '10.1.2.3',
      '172.20.0.5',
      '192.168.1.1',
      '169.254.169.254',
      '100.64.0.1',
      '0.0.0.0',
    ])
      expect([address, isPublicAddress(address)]).toEqual([address, false]);
    for (const address of ['::1', '::', 'fd00::1', 'fe80::1', '::ffff:10.0.0.1', '::ffff:127.0.0.1'])
      expect([address, isPublicAddress(address)]).toEqual([address, false]);
    for (const address of ['8.8.8.8', '196.200.131.1', '2001:4860:4860::8888', '::ffff:8.8.8.8'])
      expect([address, isPublicAddress(address)]).toEqual([address, true]);
  });

  it('refuses http, and hosts that are or resolve to a non-public address, with the reason', async () => {
    await expect(policy(false).assertAcceptable('http://8.8.8.8/hooks')).rejects.toMatchObject({
      code: 'SUBSCRIPTION.UNSAFE_WEBHOOK_URL',
      message: expect.stringContaining('must use https'),
    });
    await expect(policy(false).assertAcceptable('https://169.254.169.254/latest/meta-data')).rejects.toMatchObject({
      code: 'SUBSCRIPTION.UNSAFE_WEBHOOK_URL',
      message: expect.stringContaining('169.254.169.254'),
    });
    await expect(policy(false).assertAcceptable('https://[::1]:8443/hooks')).rejects.toMatchObject({
      code: 'SUBSCRIPTION.UNSAFE_WEBHOOK_URL',
    });
    await expect(policy(false).assertAcceptable('https://localhost/hooks')).rejects.toMatchObject({
      code: 'SUBSCRIPTION.UNSAFE_WEBHOOK_URL',
    });
    await expect(policy(false).assertAcceptable('https://8.8.8.8/hooks')).resolves.toBeUndefined();
  });

  it('refuses the connection itself when the name resolves to a non-public address', async () => {
    expect(await lookupError(policy(false), 'localhost')).toMatchObject({ code: 'EADDRNOTPUBLIC' });
    expect(await lookupError(policy(true), 'localhost')).toBeNull();
  });

  it('lets local tests and demos reach http and loopback when configured to', async () => {
    await expect(policy(true).assertAcceptable('http://127.0.0.1:4000/hooks')).resolves.toBeUndefined();
  });
});
