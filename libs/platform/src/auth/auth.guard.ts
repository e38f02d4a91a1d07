import {
  type CanActivate,
  type ExecutionContext,
  ForbiddenException,
  Inject,
  Injectable,
  Optional,
  UnauthorizedException,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Role } from '@app/domain';
import { ALLOWED_ROLES, OPEN_BEFORE_PASSWORD_CHANGE, PUBLIC_ROUTE } from './auth.decorators';
import { type Principal, hasRole } from './principal';
import { type AuthRequest, PRINCIPAL_RESOLVER, type PrincipalResolver } from './principal-resolver';

/**
 * Every route needs a signed-in person (session cookie) or a token unless marked @Public(); @Roles() narrows who may
 * call it. Who the credentials belong to is the accounts lib's business (PRINCIPAL_RESOLVER); an app without it
 * answers 401 to everything but its public routes.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    @Optional() @Inject(PRINCIPAL_RESOLVER) private readonly resolver?: PrincipalResolver,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, targets)) return true;
    if (context.getType() !== 'http') return true;
    const request = context.switchToHttp().getRequest<AuthRequest & { principal?: Principal }>();
    const principal = this.resolver ? await this.resolver.resolve(request) : 'missing';
    if (principal === 'missing')
      throw new UnauthorizedException({
        code: 'UNAUTHENTICATED',
        message: 'Cần đăng nhập (phiên đăng nhập) hoặc mã truy cập (Authorization: Bearer <token>).',
      });
    request.principal = principal;
    if (
      principal.mustChangePassword &&
      !this.reflector.getAllAndOverride<boolean>(OPEN_BEFORE_PASSWORD_CHANGE, targets)
    )
      throw new ForbiddenException({
        code: 'PASSWORD_CHANGE_REQUIRED',
        message: 'Cần đổi mật khẩu dùng một lần trước khi làm việc (PUT /api/v1/session/password).',
      });
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ALLOWED_ROLES, targets);
    if (roles && !hasRole(principal, ...roles)) {
      throw new ForbiddenException({
        code: 'ROLE_NOT_ALLOWED',
        message: `Tài khoản không có vai trò được thực hiện thao tác này (cần: ${roles.join(', ')}).`,
      });
    }
    return true;
  }
}
