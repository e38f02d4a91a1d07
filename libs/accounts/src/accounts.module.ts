import { Global, Inject, Logger, Module, type OnApplicationBootstrap, Optional } from '@nestjs/common';
import type { Pool } from 'pg';
import { EVENT_STORE, type EventStore } from '@app/event-store';
import { APP_CONFIG, type AppConfig, PG_POOL, PRINCIPAL_RESOLVER, tokenSecret } from '@app/platform';
import { ReferenceDataService } from '@app/reference-data';
import { AccountsService } from './accounts.service';
import { AccountsController } from './http/accounts.controller';
import { SessionController } from './http/session.controller';
import { OIDC_CONTROLLERS, OIDC_PROVIDERS } from './oidc/oidc.providers';
import { countAccounts } from './persistence/account-view';
import { ServiceTokenStore } from './persistence/service-token-store';
import { AccountPrincipalResolver } from './principal-resolver.service';
import { SessionStore } from './sessions/session-store';

/**
 * Accounts, sign-in and the principal of every request (PRINCIPAL_RESOLVER for the platform's guard). Needs
 * EVENT_STORE and ReferenceDataService (units are checked when granted). Global: the platform's guard (declared in
 * PlatformModule) finds its PRINCIPAL_RESOLVER here.
 */
@Global()
@Module({
  controllers: [SessionController, AccountsController, ...OIDC_CONTROLLERS],
  providers: [
    {
      provide: SessionStore,
      inject: [PG_POOL, APP_CONFIG],
      useFactory: (pool: Pool, config: AppConfig) =>
        new SessionStore(pool, {
          idleMinutes: config.auth.sessionIdleMinutes,
          absoluteHours: config.auth.sessionMaxHours,
        }),
    },
    { provide: ServiceTokenStore, inject: [PG_POOL], useFactory: (pool: Pool) => new ServiceTokenStore(pool) },
    {
      provide: PRINCIPAL_RESOLVER,
      inject: [PG_POOL, SessionStore, ServiceTokenStore, APP_CONFIG],
      useFactory: (pool: Pool, sessions: SessionStore, tokens: ServiceTokenStore, config: AppConfig) =>
        new AccountPrincipalResolver(pool, sessions, tokens, tokenSecret(config), config.auth.cacheMs),
    },
    {
      provide: AccountsService,
      inject: [EVENT_STORE, PG_POOL, SessionStore, ServiceTokenStore, PRINCIPAL_RESOLVER, ReferenceDataService],
      useFactory: (
        store: EventStore,
        pool: Pool,
        sessions: SessionStore,
        tokens: ServiceTokenStore,
        resolver: AccountPrincipalResolver,
        reference: ReferenceDataService,
      ) =>
        new AccountsService(
          store,
          pool,
          sessions,
          tokens,
          async (unitId) => (await reference.snapshot()).units.units.some((u) => u.id === unitId),
          resolver.cache,
        ),
    },
    ...OIDC_PROVIDERS,
  ],
  exports: [PRINCIPAL_RESOLVER, AccountsService],
})
export class AccountsModule implements OnApplicationBootstrap {
  private readonly logger = new Logger('accounts');

  constructor(@Optional() @Inject(PG_POOL) private readonly pool?: Pool) {}

  /** On an empty database, says how to make the first administrator. */
  async onApplicationBootstrap(): Promise<void> {
    if (!this.pool || (await countAccounts(this.pool)) > 0) return;
    this.logger.warn(
      'Chưa có tài khoản nào. Tạo quản trị viên đầu tiên: npm run dossier -- user add --username admin ' +
        '--name "Quản trị viên" --role admin   (in ra mật khẩu dùng một lần; đổi khi đăng nhập lần đầu)',
    );
  }
}
