import type { Provider } from '@nestjs/common';
import type { Pool } from 'pg';
import { APP_CONFIG, type AppConfig, PG_POOL, tokenSecret } from '@app/platform';
import { AccountsService } from '../accounts.service';
import { IdentitiesController } from './identities.controller';
import { IdentityLinker } from './identity-linker';
import { IdentityStore } from './identity-store';
import { OidcClient } from './oidc-client';
import { OidcController } from './oidc.controller';
import { OidcSignInService } from './oidc-sign-in.service';
import { PendingLoginSealer } from './pending-login';

/** Single sign-on's pieces for AccountsModule: its two controllers and what they use. */
export const OIDC_CONTROLLERS = [OidcController, IdentitiesController];

export const OIDC_PROVIDERS: Provider[] = [
  { provide: OidcClient, inject: [APP_CONFIG], useFactory: (config: AppConfig) => new OidcClient(config.auth.oidc) },
  {
    provide: PendingLoginSealer,
    inject: [APP_CONFIG],
    useFactory: (config: AppConfig) => new PendingLoginSealer(tokenSecret(config)),
  },
  { provide: IdentityStore, inject: [PG_POOL], useFactory: (pool: Pool) => new IdentityStore(pool) },
  {
    provide: IdentityLinker,
    inject: [AccountsService, IdentityStore],
    useFactory: (accounts: AccountsService, identities: IdentityStore) =>
      new IdentityLinker(accounts.repository, identities),
  },
  {
    provide: OidcSignInService,
    inject: [AccountsService, IdentityStore, IdentityLinker],
    useFactory: (accounts: AccountsService, identities: IdentityStore, linker: IdentityLinker) =>
      new OidcSignInService(accounts, identities, linker),
  },
];
