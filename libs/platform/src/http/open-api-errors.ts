import type { OpenAPIObject } from '@nestjs/swagger';

type Operation = {
  parameters?: { in: string }[];
  requestBody?: unknown;
  responses: Record<string, { description?: string; content?: unknown }>;
};

const ERROR_SCHEMA = {
  type: 'object',
  description:
    'Every error answer: `code` is stable (branch on it), `message` is for people; some codes add details (fields, currentStatus, allowedActions…)',
  required: ['statusCode', 'code', 'message'],
  properties: {
    statusCode: { type: 'integer', example: 409 },
    error: { type: 'string', example: 'Conflict' },
    code: { type: 'string', example: 'APPLICATION.ILLEGAL_TRANSITION' },
    message: { type: 'string', example: 'cannot submit an application that is withdrawn' },
    fields: {
      type: 'array',
      description: 'REQUEST.INVALID: each invalid field',
      items: {
        type: 'object',
        required: ['field', 'problems'],
        properties: {
          field: { type: 'string', example: 'founders.0.email' },
          problems: { type: 'array', items: { type: 'string' } },
        },
      },
    },
  },
  additionalProperties: true,
};

const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;

/**
 * Declares the error answers every API operation can give, with the one error shape: 400 where
 * a request carries input, 404 where the path names a resource, 503 everywhere (the database away),
 * and the error schema on every 4xx and the 503, so clients and fuzzers can check error bodies too.
 */
export function withErrorAnswers(document: OpenAPIObject): OpenAPIObject {
  document.components = { ...document.components, schemas: { ...document.components?.schemas, Error: ERROR_SCHEMA } };
  for (const [path, item] of Object.entries(document.paths)) {
    if (!path.startsWith('/v1/')) continue;
    for (const method of METHODS) {
      const operation = (item as Record<string, Operation | undefined>)[method];
      if (!operation) continue;
      const hasInput =
        operation.requestBody !== undefined ||
        (operation.parameters ?? []).some((parameter) => parameter.in === 'query' || parameter.in === 'path');
      if (hasInput)
        operation.responses['400'] ??= { description: 'REQUEST.INVALID: `fields` names each invalid field' };
      if (operation.requestBody !== undefined)
        operation.responses['415'] ??= {
          description: 'REQUEST.UNSUPPORTED_MEDIA_TYPE: the body is not JSON (or a form)',
        };
      if (path.includes('{'))
        operation.responses['404'] ??= { description: 'The resource the path names does not exist' };
      operation.responses['503'] ??= {
        description:
          'DATABASE.UNAVAILABLE: the database is not answering; the request may not have been completed. Try again after `Retry-After` seconds',
      };
      for (const [status, response] of Object.entries(operation.responses)) {
        if ((status.startsWith('4') || status === '503') && !response.content)
          response.content = { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } };
      }
    }
  }
  return document;
}
