/** Who created and last changed a record, and when: every view shows them. */
export const AUDIT_FIELDS = ['createdBy', 'updatedBy', 'createdAt', 'updatedAt'] as const;

/** The value, or the error when there is none (a lookup that must find something). */
export function found<T>(value: T | null | undefined, error: () => Error): T {
  if (value === null || value === undefined) throw error();
  return value;
}
