import { Controller, Get, Headers, HttpStatus, Inject, Res } from '@nestjs/common';
import { ApiOkResponse, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Public } from '../auth/auth.decorators';
import { optionalPrincipal } from '../auth/bearer';
import { tokenSecret } from '../auth/token-secret';
import type { AppConfig } from '../config/config';
import type { Database } from '../database/database';
import { type Migration, pendingMigrations } from '../pg/migrations';
import { APP_CONFIG, DATABASE, MIGRATIONS } from '../nest/tokens';
import { HealthIndicators } from './health-indicators';

/** What anyone may see: up or down. */
export interface PublicHealth {
  status: 'ok' | 'error';
}

export interface HealthReport {
  status: 'ok' | 'error';
  database: { status: 'up' | 'down'; kind: Database['kind']; error?: string };
  migrations: { total: number; pending: string[] };
  details: Record<string, unknown>;
}

/**
 * Up or down for everyone (load balancers, monitors); the details (database, migrations, projector lag, relay…)
 * only with a valid token, because they describe the internals.
 */
@ApiTags('health')
@Public()
@Controller('health')
export class HealthController {
  private readonly secret: string;

  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    @Inject(DATABASE) private readonly database: Database,
    @Inject(MIGRATIONS) private readonly migrations: readonly Migration[],
    private readonly indicators: HealthIndicators,
  ) {
    this.secret = tokenSecret(config);
  }

  @Get()
  @ApiOkResponse({
    description: 'Database up and every migration applied: `{status}`; with a bearer token, the details too',
  })
  @ApiServiceUnavailableResponse({ description: 'Database down or migrations pending' })
  async check(
    @Headers('authorization') authorization: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ): Promise<HealthReport | PublicHealth> {
    const report: HealthReport = {
      status: 'ok',
      database: { status: 'up', kind: this.database.kind },
      migrations: { total: this.migrations.length, pending: [] },
      details: await this.indicators.collect(),
    };
    try {
      report.migrations.pending = await pendingMigrations(this.database.pool, this.migrations);
    } catch (error) {
      report.database = { status: 'down', kind: this.database.kind, error: (error as Error).message };
    }
    if (report.database.status === 'down' || report.migrations.pending.length > 0) {
      report.status = 'error';
      response.status(HttpStatus.SERVICE_UNAVAILABLE);
    }
    return optionalPrincipal(authorization, this.secret) ? report : { status: report.status };
  }
}
