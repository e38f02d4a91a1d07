import { Controller, Get, HttpStatus, Inject, Optional, Req, Res } from '@nestjs/common';
import { ApiOkResponse, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { Public } from '../auth/auth.decorators';
import { bearerToken } from '../auth/bearer';
import { type AuthRequest, PRINCIPAL_RESOLVER, type PrincipalResolver } from '../auth/principal-resolver';
import { verifyToken } from '../auth/token';
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
 * only to a signed-in account (session or token), because they describe the internals.
 */
@ApiTags('health')
@Public()
@Controller('health')
export class HealthController {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(DATABASE) private readonly database: Database,
    @Inject(MIGRATIONS) private readonly migrations: readonly Migration[],
    private readonly indicators: HealthIndicators,
    @Optional() @Inject(PRINCIPAL_RESOLVER) private readonly resolver?: PrincipalResolver,
  ) {}

  @Get()
  @ApiOkResponse({
    description: 'Database up and every migration applied: `{status}`; with a bearer token, the details too',
  })
  @ApiServiceUnavailableResponse({ description: 'Database down or migrations pending' })
  async check(
    @Req() request: Request,
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
    const signedIn = await this.signedIn(request, report.database.status === 'down');
    return signedIn ? report : { status: report.status };
  }

  /**
   * True when the request comes from a signed-in account; bad or missing credentials only hide the details. With the
   * database down no account can be read: a token signed with our secret is enough then (it is when the details
   * matter most); so it is in a process without accounts.
   */
  private async signedIn(request: Request, databaseDown: boolean): Promise<boolean> {
    // A process without accounts (the projector, the relay alone) cannot read one either: a token signed with the
    // shared secret (TOKEN_SECRET) is enough there too.
    if (databaseDown || !this.resolver) {
      const token = bearerToken(request.headers.authorization);
      try {
        return token !== undefined && verifyToken(token, tokenSecret(this.config)).length > 0;
      } catch {
        return false;
      }
    }
    try {
      return (await this.resolver.resolve(request as AuthRequest)) !== 'missing';
    } catch {
      return false;
    }
  }
}
