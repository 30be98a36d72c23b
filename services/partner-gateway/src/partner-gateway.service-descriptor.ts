import type { ServiceDescriptor } from '@technopark/platform';
import { PartnerGatewayEnvironment } from './config/partner-gateway.environment';

export const PARTNER_GATEWAY_SERVICE: ServiceDescriptor<PartnerGatewayEnvironment> = {
  name: 'partner-gateway',
  version: '0.1.0',
  description:
    "Consented, minimized feeds of startups' events for partner programs: subscriptions, signed webhooks, retries, delivery logs.",
  environment: PartnerGatewayEnvironment,
  scope: 'national',
  nationalSitesOf: (environment) => environment.PARTNER_SITES,
};
