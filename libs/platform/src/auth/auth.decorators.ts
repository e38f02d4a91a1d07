import { type ExecutionContext, SetMetadata, createParamDecorator } from '@nestjs/common';
import type { Role } from '@app/domain';
import type { Principal } from './principal';

export const PUBLIC_ROUTE = 'auth:public';
export const ALLOWED_ROLES = 'auth:roles';
export const OPEN_BEFORE_PASSWORD_CHANGE = 'auth:open-before-password-change';

/** The route answers without a token (only /health and /docs). */
export const Public = (): MethodDecorator & ClassDecorator => SetMetadata(PUBLIC_ROUTE, true);

/**
 * The route answers a person who signed in with a one-time password and has not changed it yet (who am I, sign out,
 * change the password); every other route answers them 403 PASSWORD_CHANGE_REQUIRED.
 */
export const OpenBeforePasswordChange = (): MethodDecorator & ClassDecorator =>
  SetMetadata(OPEN_BEFORE_PASSWORD_CHANGE, true);

/** Only these roles may call the route (403 otherwise). */
export const Roles = (...roles: Role[]): MethodDecorator & ClassDecorator => SetMetadata(ALLOWED_ROLES, roles);

/** The authenticated principal of the request. */
export const CurrentPrincipal = createParamDecorator((_: unknown, context: ExecutionContext): Principal => {
  return context.switchToHttp().getRequest<{ principal: Principal }>().principal;
});
