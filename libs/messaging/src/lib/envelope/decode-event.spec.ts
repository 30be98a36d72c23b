import { defineEvent, EventRegistry } from '@technopark/contracts';
import { IsInt, IsString, Min } from 'class-validator';
import { POISON_REASONS } from '../errors';
import { decodeEvent } from './decode-event';
import { encodeEvent } from './encode-event';

class ParcelShippedV1 {
  @IsString()
  parcelId!: string;

  @IsInt()
  @Min(1)
  weightKg!: number;
}

const ParcelShipped = defineEvent<ParcelShippedV1>({
  type: 'ma.technopark.parcel.shipped.v1',
  producer: 'tests',
  stream: 'parcels',
  aggregate: 'parcel',
  payload: ParcelShippedV1,
  subjectOf: (event) => event.parcelId,
  description: 'test',
  example: { parcelId: 'p-1', weightKg: 2 },
});

const registry = new EventRegistry([ParcelShipped]);
const position = { topic: 'technopark.rabat.parcels', partition: 0, offset: '7' };
const encoded = encodeEvent(ParcelShipped, { parcelId: 'p-1', weightKg: 2 }, { site: 'rabat', service: 'shipping' });
const decode = (headers: Record<string, string>, value: string | null) =>
  decodeEvent(headers, value === null ? null : Buffer.from(value), registry, position);

describe('decoding an event', () => {
  it('returns the validated payload with its envelope and position, dropping unknown fields', async () => {
    const event = await decode(
      encoded.headers,
      JSON.stringify({ parcelId: 'p-1', weightKg: 2, addedInAMinorRelease: true }),
    );

    expect(event).toMatchObject({
      type: ParcelShipped.type,
      subject: 'p-1',
      site: 'rabat',
      source: '/technopark/rabat/shipping',
      ...position,
    });
    expect(event.data).toEqual({ parcelId: 'p-1', weightKg: 2 });
    expect(event.data).toBeInstanceOf(ParcelShippedV1);
  });

  it.each([
    ['a value that is not JSON', encoded.headers, '{"parcelId":', POISON_REASONS.NOT_JSON],
    ['a JSON array', encoded.headers, '[1]', POISON_REASONS.NOT_JSON],
    ['no value at all', encoded.headers, null, POISON_REASONS.NOT_JSON],
    [
      'a payload that breaks the contract',
      encoded.headers,
      '{"parcelId":"p-1","weightKg":0}',
      POISON_REASONS.INVALID_PAYLOAD,
    ],
    [
      'a type nobody registered',
      { ...encoded.headers, ce_type: 'ma.technopark.parcel.lost.v1' },
      encoded.value,
      POISON_REASONS.UNKNOWN_TYPE,
    ],
    ['no CloudEvents headers', {}, encoded.value, POISON_REASONS.MISSING_HEADER],
    [
      'another spec version',
      { ...encoded.headers, ce_specversion: '0.3' },
      encoded.value,
      POISON_REASONS.MISSING_HEADER,
    ],
    [
      'a non-JSON content type',
      { ...encoded.headers, 'content-type': 'application/avro' },
      encoded.value,
      POISON_REASONS.NOT_JSON,
    ],
  ])('refuses %s with a reason', async (_case, headers, value, code) => {
    await expect(decode(headers, value)).rejects.toMatchObject({ code, retriable: false });
  });

  it('names every missing header and every invalid field', async () => {
    await expect(decode({ ce_specversion: '1.0', ce_type: ParcelShipped.type }, encoded.value)).rejects.toThrow(
      'missing CloudEvents headers: ce_id, ce_source, ce_time, ce_subject, ce_site',
    );
    await expect(decode(encoded.headers, '{"weightKg":"heavy"}')).rejects.toThrow(
      /parcelId: parcelId must be a string.*weightKg: .*integer/,
    );
  });
});
