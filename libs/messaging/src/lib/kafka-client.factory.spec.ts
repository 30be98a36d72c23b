import { logLevel } from 'kafkajs';
import { serviceLogLevelOf } from './kafka-client.factory';

describe("kafkajs's log lines in the service's log", () => {
  it('keeps at debug what kafkajs retries or hands to the caller, the usual start-up states', () => {
    expect(
      serviceLogLevelOf(logLevel.ERROR, 'Response GroupCoordinator(key: 10, version: 2)', {
        error: "The coordinator is loading and hence can't process requests",
      }),
    ).toBe('debug');
    expect(
      serviceLogLevelOf(logLevel.ERROR, 'Response Metadata(key: 3, version: 6)', {
        error: 'There is no leader for this topic-partition',
      }),
    ).toBe('debug');
    expect(
      serviceLogLevelOf(logLevel.ERROR, 'Failed to connect to seed broker, trying another broker', {
        retryCount: 1,
        retryTime: 600,
      }),
    ).toBe('debug');
  });

  it('keeps errors and warnings kafkajs gives up on where a person sees them', () => {
    expect(serviceLogLevelOf(logLevel.ERROR, 'Crash: KafkaJSNumberOfRetriesExceeded', { groupId: 'g' })).toBe('error');
    expect(serviceLogLevelOf(logLevel.WARN, 'KafkaJS v2.0.0 switched default partitioner', {})).toBe('warn');
    expect(serviceLogLevelOf(logLevel.INFO, 'Starting', {})).toBe('debug');
  });
});
