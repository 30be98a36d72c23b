import { Webhook } from 'standardwebhooks';
import { newWebhookSecret, openSecret, sealSecret } from './webhook-secrets';
import { signWebhook } from './webhook-signature';

describe('webhook signatures', () => {
  const body = JSON.stringify({ type: 'ma.technopark.partner.startup-profile.v1', data: { startupId: 's-1' } });

  it('verify with the independent standardwebhooks library', () => {
    const secret = newWebhookSecret();
    const headers = signWebhook('msg_1', new Date(), body, [secret]);

    expect(new Webhook(secret).verify(body, { ...headers })).toEqual(JSON.parse(body));
  });

  it('carry one signature per secret during a rotation, so either secret verifies', () => {
    const [previous, next] = [newWebhookSecret(), newWebhookSecret()];
    const headers = signWebhook('msg_2', new Date(), body, [next, previous]);

    expect(headers['webhook-signature'].split(' ')).toHaveLength(2);
    expect(new Webhook(previous).verify(body, { ...headers })).toEqual(JSON.parse(body));
    expect(new Webhook(next).verify(body, { ...headers })).toEqual(JSON.parse(body));
    expect(() => new Webhook(newWebhookSecret()).verify(body, { ...headers })).toThrow();
  });

  it('fail verification when the body changed on the way', () => {
    const secret = newWebhookSecret();
    const headers = signWebhook('msg_3', new Date(), body, [secret]);

    expect(() => new Webhook(secret).verify(body.replace('s-1', 's-2'), { ...headers })).toThrow();
  });
});

describe('sealed secrets', () => {
  const key = Buffer.alloc(32, 7);

  it('open to the secret sealed, and never hold it in clear', () => {
    const secret = newWebhookSecret();
    const sealed = sealSecret(secret, key);

    expect(sealed).not.toContain(secret.slice(6));
    expect(openSecret(sealed, key)).toBe(secret);
  });

  it('refuse to open with another key or after tampering', () => {
    const sealed = sealSecret(newWebhookSecret(), key);
    const tampered = Buffer.from(sealed, 'base64');
    tampered[tampered.length - 1] ^= 1;

    expect(() => openSecret(sealed, Buffer.alloc(32, 8))).toThrow();
    expect(() => openSecret(tampered.toString('base64'), key)).toThrow();
  });
});
