import { type DynamicModule, Global, Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_PIPE } from '@nestjs/core';
import { AuthGuard } from '../auth/auth.guard';
import { ErrorFilter } from '../http/error.filter';
import { validationPipe } from '../http/validation.pipe';
import type { AppConfig } from '../config/config';
import type { Database } from '../database/database';
import type { Migration } from '../pg/migrations';
import { HealthIndicators } from '../health/health-indicators';
import { HealthController } from '../health/health.controller';
import { APP_CONFIG, DATABASE, MIGRATIONS, PG_POOL } from './tokens';

export interface PlatformOptions {
  config: AppConfig;
  database: Database;
  migrations: readonly Migration[];
}

/**
 * Shared plumbing every app gets: config, the database pool, the migrations list, /health, and the global
 * bearer-token guard, validation pipe and error filter.
 */
@Global()
@Module({})
export class PlatformModule {
  static forRoot(options: PlatformOptions): DynamicModule {
    return {
      module: PlatformModule,
      controllers: [HealthController],
      providers: [
        HealthIndicators,
        { provide: APP_GUARD, useClass: AuthGuard },
        { provide: APP_FILTER, useClass: ErrorFilter },
        { provide: APP_PIPE, useFactory: validationPipe },
        { provide: APP_CONFIG, useValue: options.config },
        { provide: DATABASE, useValue: options.database },
        { provide: PG_POOL, useValue: options.database.pool },
        { provide: MIGRATIONS, useValue: options.migrations },
      ],
      exports: [APP_CONFIG, DATABASE, PG_POOL, MIGRATIONS, HealthIndicators],
    };
  }
}
