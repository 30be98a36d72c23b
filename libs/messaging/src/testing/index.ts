// A probe service for the backbone's tests and benchmarks: import from '@technopark/messaging/testing' in specs and bench/ only.
export { serviceOf, startProbeApp, type ProbeAppOptions, type ProbeRole } from './probe-app';
export { ProbeConsumer } from './probe-consumer';
export { PROBE_CONTRACTS, ProbeRecorded, ProbeRecordedV1 } from './probe-events';
export { ProbeWriter } from './probe-writer';
export { Probe, ProbeEffect, ProbeEffectSchema, ProbeSchema } from './probe.schemas';
