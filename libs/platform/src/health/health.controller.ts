import { Controller, Get, HttpStatus, Inject, Res } from '@nestjs/common';
import { ApiOkResponse, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Public } from '../auth/auth.decorators';
import type { Database } from '../database/database';
import { type Migration, pendingMigrations } from '../database/migrations';
import { DATABASE, MIGRATIONS } from '../nest/tokens';
import { HealthIndicators } from './health-indicators';

export interface HealthReport {
  status: 'ok' | 'error';
  database: { status: 'up' | 'down'; kind: Database['kind']; error?: string };
  migrations: { total: number; pending: string[] };
  details: Record<string, unknown>;
}

@ApiTags('health')
@Public()
@Controller('health')
export class HealthController {
  constructor(
    @Inject(DATABASE) private readonly database: Database,
    @Inject(MIGRATIONS) private readonly migrations: readonly Migration[],
    private readonly indicators: HealthIndicators,
  ) {}

  @Get()
  @ApiOkResponse({ description: 'Database up and every migration applied' })
  @ApiServiceUnavailableResponse({ description: 'Database down or migrations pending' })
  async check(@Res({ passthrough: true }) response: Response): Promise<HealthReport> {
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
    return report;
  }
}
