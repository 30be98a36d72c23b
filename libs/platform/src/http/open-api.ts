import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { BEARER_SCHEME } from '@technopark/security';
import type { ServiceDescriptor } from '../config/service-descriptor';

export const DOCS_PATH = 'docs';

/** Interactive docs at /docs and the raw document at /docs/openapi.json. */
export function setupOpenApi(app: INestApplication, service: ServiceDescriptor, site: string): void {
  const config = new DocumentBuilder()
    .setTitle(`Technopark ${service.name} API (${site})`)
    .setDescription(service.description)
    .setVersion(service.version)
    .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT', description: 'A token from the identity provider; locally: npm run token' }, BEARER_SCHEME)
    .build();
  const document = SwaggerModule.createDocument(app, config);
  SwaggerModule.setup(DOCS_PATH, app, document, { jsonDocumentUrl: `${DOCS_PATH}/openapi.json` });
}
