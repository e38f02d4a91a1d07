import { Global, Module } from '@nestjs/common';
import {
  APP_CONFIG,
  type AppConfig,
  type AuthRequest,
  PRINCIPAL_RESOLVER,
  type Principal,
  type PrincipalResolver,
  bearerToken,
  tokenSecret,
  verifyToken,
} from '@app/platform';

/**
 * The notifier has no accounts of its own: a bearer token signed with the deployment's TOKEN_SECRET (as every app
 * of it signs and checks them) is enough to read its /health details (lag, pending, dead-lettered). It serves no
 * other route, and the principal has no role.
 */
class SignedTokenResolver implements PrincipalResolver {
  constructor(private readonly secret: string) {}

  async resolve(request: AuthRequest): Promise<Principal | 'missing'> {
    const header = request.headers.authorization;
    const token = bearerToken(Array.isArray(header) ? header[0] : header);
    if (!token) return 'missing';
    try {
      const subject = verifyToken(token, this.secret);
      return { subject, name: subject, kind: 'service', roles: [], via: 'token' };
    } catch {
      return 'missing';
    }
  }
}

@Global()
@Module({
  providers: [
    {
      provide: PRINCIPAL_RESOLVER,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => new SignedTokenResolver(tokenSecret(config)),
    },
  ],
  exports: [PRINCIPAL_RESOLVER],
})
export class HealthAccessModule {}
