import { type Type } from '@nestjs/common';
import { PartialType } from '@nestjs/swagger';
import { getMetadataStorage, ValidationTypes } from 'class-validator';

const REMOVABLE_FIELDS = Symbol('merge-patch:removable-fields');

/**
 * The body of a PATCH, with JSON Merge Patch semantics (RFC 7396) for every service: an absent
 * field is left as it is, a value replaces it (an array replaces the whole array), and `null`
 * removes it, which only a field that may be absent allows. A null for a field the resource
 * cannot lack is refused with a 400 naming it (see the validation pipe).
 */
export function MergePatchType<T>(base: Type<T>): Type<Partial<T>> {
  const patch = PartialType(base, { skipNullProperties: false }) as Type<Partial<T>>;
  Reflect.defineMetadata(REMOVABLE_FIELDS, optionalFieldsOf(base), patch);
  return patch;
}

/** The top-level fields a PATCH body of this class may set to null (to remove them). */
export function removableFieldsOf(bodyClass: unknown): ReadonlySet<string> {
  return typeof bodyClass === 'function' ? (Reflect.getMetadata(REMOVABLE_FIELDS, bodyClass) ?? new Set()) : new Set();
}

/** Fields that carry `@IsOptional()` (or another condition) in the create body: they may be absent. */
function optionalFieldsOf(base: Type<unknown>): Set<string> {
  const metadata = getMetadataStorage().getTargetValidationMetadatas(base, '', true, false);
  return new Set(
    metadata.filter((each) => each.type === ValidationTypes.CONDITIONAL_VALIDATION).map((each) => each.propertyName),
  );
}

/** The MongoDB update that applies a validated merge patch: `$set` for values, `$unset` for nulls. */
export function mergePatchUpdate<T extends object>(
  patch: T,
  alsoSet: Record<string, unknown> = {},
): { $set: Record<string, unknown>; $unset?: Record<string, ''> } {
  const entries = Object.entries(patch).filter(([, value]) => value !== undefined);
  const removed = entries.filter(([, value]) => value === null).map(([field]) => [field, ''] as const);
  const set = Object.fromEntries(entries.filter(([, value]) => value !== null));
  return { $set: { ...set, ...alsoSet }, ...(removed.length > 0 && { $unset: Object.fromEntries(removed) }) };
}

/** The resource as the patch leaves it: values replaced, nulls removed, absent fields kept. */
export function applyMergePatch<T extends object>(current: T, patch: object): T {
  const next = { ...current } as Record<string, unknown>;
  for (const [field, value] of Object.entries(patch)) {
    if (value === null) delete next[field];
    else if (value !== undefined) next[field] = value;
  }
  return next as T;
}
