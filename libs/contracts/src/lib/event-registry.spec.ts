import { IsString } from 'class-validator';
import { defineEvent, versionOf } from './event-contract';
import { EventRegistry } from './event-registry';

class ProbeV1 {
  @IsString()
  probeId!: string;
}

const probe = (type: string) =>
  defineEvent<ProbeV1>({
    type,
    producer: 'tests',
    stream: 'probes',
    aggregate: 'probe',
    payload: ProbeV1,
    subjectOf: (event) => event.probeId,
    description: 'probe',
    example: { probeId: 'p-1' },
  });

describe('event contracts and their registry', () => {
  it('finds a contract by type and lists streams once', () => {
    const first = probe('ma.technopark.probe.created.v1');
    const registry = new EventRegistry([first, probe('ma.technopark.probe.created.v2')]);

    expect(registry.find('ma.technopark.probe.created.v1')).toBe(first);
    expect(registry.find('ma.technopark.probe.deleted.v1')).toBeUndefined();
    expect(registry.streams()).toEqual(['probes']);
  });

  it('refuses two contracts with one type', () => {
    const registry = new EventRegistry([probe('ma.technopark.probe.created.v1')]);
    expect(() => registry.register(probe('ma.technopark.probe.created.v1'))).toThrow('registered twice');
  });

  it('refuses a type without the namespace or the version', () => {
    expect(() => probe('probe.created')).toThrow("event type 'probe.created' must look like");
    expect(() => probe('ma.technopark.probe.created.v0')).toThrow('must look like');
  });

  it('reads the version from the type', () => {
    expect(versionOf({ type: 'ma.technopark.application.accepted.v12' })).toBe(12);
  });
});
