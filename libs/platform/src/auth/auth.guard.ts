import {
  type CanActivate,
  type ExecutionContext,
  ForbiddenException,
  Inject,
  Injectable,
  UnauthorizedException,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { AppConfig } from '../config/config';
import { APP_CONFIG } from '../nest/tokens';
import { ALLOWED_ROLES, PUBLIC_ROUTE } from './auth.decorators';
import { bearerPrincipal } from './bearer';
import { InvalidTokenError, type Principal, type Role } from './token';
import { tokenSecret } from './token-secret';

/** Every route needs a valid bearer token unless marked @Public(); @Roles() narrows who may call it. */
@Injectable()
export class AuthGuard implements CanActivate {
  private readonly secret: string;

  constructor(
    private readonly reflector: Reflector,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.secret = tokenSecret(config);
  }

  canActivate(context: ExecutionContext): boolean {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, targets)) return true;
    if (context.getType() !== 'http') return true;
    const request = context
      .switchToHttp()
      .getRequest<{ headers: Record<string, string | undefined>; principal?: Principal }>();
    let principal: Principal | 'missing';
    try {
      principal = bearerPrincipal(request.headers.authorization, this.secret);
    } catch (error) {
      const reason = error instanceof InvalidTokenError ? error.message : 'invalid token';
      throw new UnauthorizedException({ code: 'UNAUTHENTICATED', message: `Mã truy cập không hợp lệ: ${reason}.` });
    }
    if (principal === 'missing')
      throw new UnauthorizedException({
        code: 'UNAUTHENTICATED',
        message: 'Thiếu mã truy cập (Authorization: Bearer <token>).',
      });
    request.principal = principal;
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ALLOWED_ROLES, targets);
    if (roles && !roles.includes(request.principal.role)) {
      throw new ForbiddenException({
        code: 'ROLE_NOT_ALLOWED',
        message: `Vai trò "${request.principal.role}" không được thực hiện thao tác này.`,
      });
    }
    return true;
  }
}
