import { type DynamicModule, type FactoryProvider, Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD } from '@nestjs/core';
import { ThrottlerModule } from '@nestjs/throttler';
import { TokenVerifier } from '../lib/token-verifier';
import { AccessGuard } from './access.guard';
import { RateLimitGuard } from './rate-limit.guard';
import { SecurityExceptionFilter } from './security-exception.filter';
import type { SecurityOptions } from './security-options';
import { SECURITY_OPTIONS } from './security.constants';
import { WhoAmIController } from './who-am-i.controller';

export interface SecurityModuleAsyncOptions {
  readonly inject: FactoryProvider['inject'];
  readonly useFactory: (...args: never[]) => SecurityOptions;
}

/**
 * Authentication, authorization and rate limiting for every HTTP route of a service.
 * Guards run in this order: rate limit (per client), then token and roles.
 */
@Module({})
export class SecurityModule {
  static forRootAsync(options: SecurityModuleAsyncOptions): DynamicModule {
    const optionsProvider = { provide: SECURITY_OPTIONS, inject: options.inject, useFactory: options.useFactory };
    return {
      module: SecurityModule,
      imports: [
        ThrottlerModule.forRootAsync({
          inject: options.inject,
          useFactory: (...args: unknown[]) => {
            const { rateLimit } = options.useFactory(...(args as never[]));
            return [{ limit: rateLimit.requests, ttl: rateLimit.windowSeconds * 1000 }];
          },
        }),
      ],
      controllers: [WhoAmIController],
      providers: [
        optionsProvider,
        {
          provide: TokenVerifier,
          inject: [SECURITY_OPTIONS],
          useFactory: ({ verification }: SecurityOptions) => new TokenVerifier(verification),
        },
        { provide: APP_GUARD, useClass: RateLimitGuard },
        { provide: APP_GUARD, useClass: AccessGuard },
        { provide: APP_FILTER, useClass: SecurityExceptionFilter },
      ],
    };
  }
}
