import { type DynamicModule, type InjectionToken, Module } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { createKafkaClient } from './kafka-client.factory';
import { KafkaHealthIndicator } from './kafka-health.indicator';
import { KAFKA_CLIENT, MESSAGING_OPTIONS, type MessagingOptions } from './messaging-options';

export interface MessagingModuleAsyncOptions {
  inject?: InjectionToken[];
  useFactory: (...args: never[]) => MessagingOptions;
}

/** The service's Kafka connection and its readiness check. */
@Module({})
export class MessagingModule {
  static forRootAsync(options: MessagingModuleAsyncOptions): DynamicModule {
    return {
      module: MessagingModule,
      global: true,
      imports: [TerminusModule],
      providers: [
        { provide: MESSAGING_OPTIONS, inject: options.inject ?? [], useFactory: options.useFactory },
        { provide: KAFKA_CLIENT, inject: [MESSAGING_OPTIONS], useFactory: createKafkaClient },
        KafkaHealthIndicator,
      ],
      exports: [MESSAGING_OPTIONS, KAFKA_CLIENT, KafkaHealthIndicator],
    };
  }
}
