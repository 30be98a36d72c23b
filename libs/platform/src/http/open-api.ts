import type { INestApplication } from '@nestjs/common';
import { DiscoveryService } from '@nestjs/core';
import { DocumentBuilder, type OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { BEARER_SCHEME } from '@technopark/security';
import type { ServiceDescriptor } from '../config/service-descriptor';
import { type RequestClass, withValidationConstraints } from './open-api-constraints';
import { withErrorAnswers } from './open-api-errors';

export const DOCS_PATH = 'docs';

/** Interactive docs at /docs and the raw document at /docs/openapi.json. */
export function setupOpenApi(app: INestApplication, service: ServiceDescriptor, site: string): void {
  const config = new DocumentBuilder()
    .setTitle(`Technopark ${service.name} API (${site})`)
    .setDescription(service.description)
    .setVersion(service.version)
    .addBearerAuth(
      {
        type: 'http',
        scheme: 'bearer',
        bearerFormat: 'JWT',
        description: 'A token from the identity provider; locally: npm run token',
      },
      BEARER_SCHEME,
    )
    .build();
  const document = withMergePatchBodies(
    withErrorAnswers(withValidationConstraints(SwaggerModule.createDocument(app, config), requestBodyClasses(app))),
  );
  SwaggerModule.setup(DOCS_PATH, app, document, { jsonDocumentUrl: `${DOCS_PATH}/openapi.json` });
}

/** The classes the app's handlers take as parameters (bodies, queries): where the validators are. */
function requestBodyClasses(app: INestApplication): RequestClass[] {
  const classes = new Set<RequestClass>();
  for (const { metatype } of app.get(DiscoveryService).getControllers()) {
    const prototype = (metatype as RequestClass | undefined)?.prototype;
    if (!prototype) continue;
    for (const method of Object.getOwnPropertyNames(prototype)) {
      const types = (Reflect.getMetadata('design:paramtypes', prototype, method) ?? []) as unknown[];
      for (const type of types)
        if (typeof type === 'function' && type !== Object && type !== String) classes.add(type as RequestClass);
    }
  }
  return [...classes];
}

type RequestBody = { content?: Record<string, unknown> };

/** A PATCH body is a JSON Merge Patch: its own media type is accepted as well as plain JSON. */
function withMergePatchBodies(document: OpenAPIObject): OpenAPIObject {
  for (const item of Object.values(document.paths)) {
    const content = (item.patch?.requestBody as RequestBody | undefined)?.content;
    const json = content?.['application/json'];
    if (content && json) content['application/merge-patch+json'] ??= json;
  }
  return document;
}
