import { describeOpenApiFuzz } from '@technopark/platform/testing';
import { bearer } from '@technopark/security/testing';
import request from 'supertest';
import { AppModule } from '../src/app.module';
import { PARTNER_GATEWAY_SERVICE } from '../src/partner-gateway.service-descriptor';
import { GATEWAY_TEST_ENVIRONMENT } from './support/gateway-environment';

// HQ staff (platform admins) run the gateway; a registered partner with a subscription gives the fuzzer real ids.
describeOpenApiFuzz(PARTNER_GATEWAY_SERVICE, AppModule, {
  // No site's topics: on the shared test broker every earlier spec's events would fill its feed log.
  environment: { ...GATEWAY_TEST_ENVIRONMENT, PARTNER_SITES: 'no-site-of-these-tests' },
  role: 'platform-admin',
  seedResources: async ({ app, tokens, site }) => {
    const admin = bearer(await tokens.forRole('platform-admin', site));
    const partnerId = 'fuzz-partner';
    await request(app.getHttpServer())
      .post('/v1/partners')
      .set(admin)
      .send({ partnerId, name: 'Fuzz partner', programIds: ['fuzz-program'], contactEmail: 'fuzz@partner.example' })
      .expect(201);
    const subscription = await request(app.getHttpServer())
      .post(`/v1/partners/${partnerId}/subscriptions`)
      .set(admin)
      .send({ filters: {}, delivery: { kind: 'webhook', url: 'http://127.0.0.1:9/hooks' } })
      .expect(201);
    return { partnerId, subscriptionId: subscription.body.subscriptionId };
  },
});
