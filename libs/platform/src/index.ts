export {
  type AppConfig,
  type AuthSettings,
  ConfigError,
  defaultProjectRoot,
  loadConfig,
  loadRelaySettings,
  type RelaySettings,
} from './config/config';
export { type NotifierSettings } from './config/notifier-settings';
export {
  type Database,
  exitOnServerLost,
  freePort,
  openDatabase,
  type OpenDatabaseOptions,
  serverLostMessage,
} from './database/database';
export {
  embeddedPasswordFile,
  EmbeddedPostgres,
  EmbeddedPostgresError,
  type EmbeddedPostgresOptions,
  embeddedServerState,
  type EmbeddedServerState,
} from './database/embedded-postgres';
export {
  copyPrimaryForStandby,
  REPLICATION_HBA,
  type StandbyCopyOptions,
  standbyOptions,
} from './database/embedded-standby';
export { HealthIndicators } from './health/health-indicators';
export { HealthController, type HealthReport, type PublicHealth } from './health/health.controller';
export { setUpOpenApi } from './http/openapi';
export { configureHttp } from './http/configure-http';
export { webDirectory } from './http/web-app';
export { leaveInFlight } from './http/in-flight';
export { ApiErrors, ErrorResponse, type ErrorStatus } from './http/api-errors.decorator';
export {
  BODY_LIMIT_BYTES,
  formatBytes,
  MAX_JSON_DEPTH,
  UPLOAD_BODY_LIMIT_BYTES,
  UPLOAD_ROUTES,
} from './http/body-limits';
export { PlatformModule, type PlatformOptions } from './nest/platform.module';
export { APP_CONFIG, DATABASE, MIGRATIONS, PG_POOL } from './nest/tokens';
export { type HttpAppDefinition, redact, runHttpApp } from './nest/bootstrap';
export {
  ALLOWED_ROLES,
  CurrentPrincipal,
  OpenBeforePasswordChange,
  Public,
  PUBLIC_ROUTE,
  Roles,
} from './auth/auth.decorators';
export { AuthGuard } from './auth/auth.guard';
export { InvalidTokenError, MAX_TOKEN_LIFETIME_SECONDS, signToken, type TokenClaims, verifyToken } from './auth/token';
export { actsFor, hasRole, type Principal, readsFor, roleFor } from './auth/principal';
export { type AuthRequest, PRINCIPAL_RESOLVER, type PrincipalResolver } from './auth/principal-resolver';
export { bearerToken } from './auth/bearer';
export { tokenSecret } from './auth/token-secret';
export { ApplicationError, type ErrorBody, ErrorFilter } from './http/error.filter';
export { validationFailed, validationPipe } from './http/validation.pipe';
export { type PostgresAddress, postgresUrl, socketPathFits } from './database/postgres-address';
export {
  Batcher,
  type BatcherOptions,
  inTransaction,
  type Migration,
  MIGRATIONS_LOCK,
  Pause,
  pendingMigrations,
  retryablePostgresError,
  runMigrations,
  SessionLock,
  sleep,
  type TransactionOptions,
} from './pg';
