// eslint-disable-next-line @typescript-eslint/triple-slash-reference -- service bundles compile only imported files, so the typing travels with its user
/// <reference path="./class-transformer-storage.d.ts" />
// class-transformer keeps @Type() targets here; the schema generator needs them for nested objects.
import { defaultMetadataStorage } from 'class-transformer/cjs/storage';
import { validationMetadatasToSchemas } from 'class-validator-jsonschema';
import type { EventContract } from './event-contract';

export type JsonSchema = Record<string, unknown>;

/** JSON Schemas of every validated class, keyed by class name, with `$ref`s under `refPrefix`. */
export function allPayloadSchemas(refPrefix: string): Record<string, JsonSchema> {
  return validationMetadatasToSchemas({
    refPointerPrefix: refPrefix,
    classTransformerMetadataStorage: defaultMetadataStorage,
  }) as Record<string, JsonSchema>;
}

/**
 * A self-contained schema of one contract's payload (referenced classes inlined under
 * `definitions`): what the compatibility snapshot records.
 */
export function payloadSchemaOf(contract: EventContract): JsonSchema {
  const schemas = allPayloadSchemas('#/definitions/');
  const root = schemaOfClass(schemas, contract.payload);
  if (!root) throw new Error(`no validation metadata for ${contract.payload.name}: is it decorated?`);
  const definitions: Record<string, JsonSchema> = {};
  collectReferences(root, schemas, definitions);
  return { $schema: 'http://json-schema.org/draft-07/schema#', title: contract.type, ...root, definitions };
}

/**
 * The schema of a payload class: its own, or its nearest ancestor's when it adds no field (the
 * generator lists only classes with decorators of their own; validation inherits them anyway).
 */
export function schemaOfClass(
  schemas: Record<string, JsonSchema>,
  payload: abstract new () => unknown,
): JsonSchema | undefined {
  for (
    let current: unknown = payload;
    typeof current === 'function' && current.name;
    current = Object.getPrototypeOf(current)
  ) {
    const schema = schemas[current.name];
    if (schema) return schema;
  }
  return undefined;
}

function collectReferences(
  node: unknown,
  schemas: Record<string, JsonSchema>,
  found: Record<string, JsonSchema>,
): void {
  if (Array.isArray(node)) return node.forEach((item) => collectReferences(item, schemas, found));
  if (typeof node !== 'object' || node === null) return;
  for (const [key, value] of Object.entries(node)) {
    if (key === '$ref' && typeof value === 'string') {
      const name = value.replace('#/definitions/', '');
      if (!found[name] && schemas[name]) {
        found[name] = schemas[name];
        collectReferences(schemas[name], schemas, found);
      }
    } else {
      collectReferences(value, schemas, found);
    }
  }
}
