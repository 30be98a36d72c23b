import { DomainError } from '../http/domain-error';

/** Where the previous page ended: the sort value and the id of its last item. */
export interface PagePosition {
  readonly value: string | number | Date;
  readonly id: string;
}

type Encoded = [kind: 'd' | 's' | 'n', value: string | number, id: string];

/** Opaque to clients: base64url JSON, so a cursor survives any URL. */
export function encodeCursor({ value, id }: PagePosition): string {
  const encoded: Encoded =
    value instanceof Date ? ['d', value.toISOString(), id] : [typeof value === 'number' ? 'n' : 's', value, id];
  return Buffer.from(JSON.stringify(encoded)).toString('base64url');
}

export function decodeCursor(cursor: string): PagePosition {
  try {
    const [kind, value, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString()) as Encoded;
    if (typeof id !== 'string' || !['d', 's', 'n'].includes(kind)) throw new TypeError('unexpected cursor shape');
    return { value: kind === 'd' ? new Date(value) : value, id };
  } catch {
    throw new DomainError(
      'REQUEST.INVALID_CURSOR',
      'cursor is not one this API returned; start again without it',
      400,
      { field: 'cursor' },
    );
  }
}
