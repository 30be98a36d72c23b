import { ApplicationAccepted, KpiUpdated, SpaceRegistered } from '@technopark/contracts';
import { ContractViolationError } from '../errors';
import { encodeEvent } from './encode-event';

const origin = { site: 'casablanca', service: 'applications' };

describe('encodeEvent refuses what breaks the contract', () => {
  it('encodes a valid payload', () => {
    expect(JSON.parse(encodeEvent(ApplicationAccepted, ApplicationAccepted.example, origin).value)).toEqual(
      ApplicationAccepted.example,
    );
  });

  it('refuses a null where the contract needs a value, naming the field', () => {
    const payload = { ...ApplicationAccepted.example, programName: null as unknown as string };
    expect(() => encodeEvent(ApplicationAccepted, payload, origin)).toThrow(ContractViolationError);
    expect(() => encodeEvent(ApplicationAccepted, payload, origin)).toThrow(/programName/);
  });

  it('refuses a null in an optional field that the schema types (class-validator alone lets it through)', () => {
    const payload = { ...SpaceRegistered.example, roomType: null } as never;
    expect(() => encodeEvent(SpaceRegistered, payload, origin)).toThrow(/roomType: must be string \(schema\)/);
  });

  it('refuses a field the contract does not declare', () => {
    expect(() =>
      encodeEvent(ApplicationAccepted, { ...ApplicationAccepted.example, committee: ['m-1'] } as never, origin),
    ).toThrow(/committee/);
  });

  it('accepts null where the contract declares it nullable', () => {
    expect(() => encodeEvent(KpiUpdated, { ...KpiUpdated.example, value: null }, origin)).not.toThrow();
  });
});
