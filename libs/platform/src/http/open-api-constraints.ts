// eslint-disable-next-line @typescript-eslint/triple-slash-reference -- service bundles compile only imported files, so the typing travels with its user
/// <reference path="./class-transformer-storage.d.ts" />
import type { OpenAPIObject } from '@nestjs/swagger';
import { defaultMetadataStorage } from 'class-transformer/cjs/storage';
import { validationMetadatasToSchemas } from 'class-validator-jsonschema';
import { removableFieldsOf } from '../patch/merge-patch';

/** A class whose instances a handler receives (a body or query DTO). */
export type RequestClass = abstract new (...args: never[]) => unknown;

type Schema = Record<string, unknown> & { properties?: Record<string, Schema>; items?: Schema; required?: string[] };

/** The keywords a validator decorator stands for: copied into the document, never invented. */
const CONSTRAINTS = [
  'minLength',
  'maxLength',
  'pattern',
  'minimum',
  'maximum',
  'exclusiveMinimum',
  'exclusiveMaximum',
  'minItems',
  'maxItems',
  'uniqueItems',
  'format',
  'enum',
] as const;

/**
 * Adds to the OpenAPI schemas the limits the server enforces (lengths, patterns, ranges, array
 * sizes, formats), read from the same class-validator decorators that validate requests, so the
 * document cannot drift from the validation. Merge-patch bodies say which fields take null.
 */
export function withValidationConstraints(
  document: OpenAPIObject,
  requestClasses: readonly RequestClass[],
): OpenAPIObject {
  const schemas = (document.components?.schemas ?? {}) as Record<string, Schema>;
  const validated = validationMetadatasToSchemas({
    refPointerPrefix: '#/components/schemas/',
    classTransformerMetadataStorage: defaultMetadataStorage,
  }) as Record<string, Schema>;
  const classes = new Map(requestClasses.map((type) => [type.name, type]));
  for (const [name, schema] of Object.entries(schemas)) {
    const source = validated[name] ?? validated[Object.getPrototypeOf(classes.get(name) ?? Object)?.name ?? ''];
    if (source) mergeConstraints(schema, source);
    for (const field of removableFieldsOf(classes.get(name))) {
      const property = schema.properties?.[field];
      if (property) property['nullable'] = true;
    }
  }
  return document;
}

function mergeConstraints(target: Schema, source: Schema): void {
  for (const [field, property] of Object.entries(target.properties ?? {})) {
    const rule = source.properties?.[field];
    if (!rule) continue;
    copyConstraints(property, rule);
    if (property.items && rule.items) copyConstraints(property.items, rule.items);
  }
}

function copyConstraints(target: Schema, source: Schema): void {
  if ('$ref' in target) return;
  for (const keyword of CONSTRAINTS)
    if (source[keyword] !== undefined && target[keyword] === undefined) target[keyword] = source[keyword];
}
