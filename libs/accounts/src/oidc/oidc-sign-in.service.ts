import { type Account, normaliseUsername, USERNAME } from '@app/domain';
import type { AccountsService, SignedIn } from '../accounts.service';
import type { IdentityLinker } from './identity-linker';
import type { IdentityStore } from './identity-store';
import type { ProvenIdentity } from './oidc-client';
import { accountDisabled, notRegistered } from './oidc-errors';

/**
 * Who a proven identity signs in as, and their session. No account is ever created here:
 * 1. the subject (issuer, sub) linked to an account (by an administrator, or by rule 2 earlier) signs in as it;
 * 2. otherwise, on a first sign-in, the provider's `preferred_username` names an existing staff account that has no
 *    identity of this issuer yet: the subject is linked to it (ExternalIdentityLinked, by the account itself) and
 *    signs in. An account already linked to another subject of the issuer is not taken over by a matching name.
 * 3. anything else is a 403 OIDC_NOT_REGISTERED: an administrator registers or links the account first.
 * A disabled account is refused (403, recorded as a failed sign-in) and never linked. A lock-out after wrong
 * passwords does not stop a sign-in the provider proved (the lock guards the password, not the person).
 */
export class OidcSignInService {
  constructor(
    private readonly accounts: AccountsService,
    private readonly identities: IdentityStore,
    private readonly linker: IdentityLinker,
  ) {}

  async signIn(proven: ProvenIdentity, address: string, userAgent: string): Promise<SignedIn> {
    const account = await this.accountOf(proven);
    if (account.disabled) {
      await this.accounts.repository.execute(
        account.accountId,
        { type: 'RecordSignInFailure', reason: 'disabled', address },
        selfOf(account),
      );
      throw accountDisabled();
    }
    return this.accounts.openSession(account, 'oidc', address, userAgent);
  }

  private async accountOf(proven: ProvenIdentity): Promise<Account> {
    const linked = await this.identities.find(proven.issuer, proven.subject);
    if (linked !== undefined) {
      const account = await this.accounts.repository.load(linked);
      if (!account || account.kind !== 'person') throw notRegistered();
      return account;
    }
    const wanted = normaliseUsername((await proven.preferredUsername()) ?? '');
    const account = USERNAME.test(wanted) ? await this.accounts.repository.load(wanted) : undefined;
    if (!account || account.kind !== 'person') throw notRegistered();
    if (account.externalIdentities.some((i) => i.issuer === proven.issuer)) throw notRegistered();
    if (account.disabled) return account;
    await this.linker.link(account.accountId, proven.issuer, proven.subject, selfOf(account));
    return (await this.accounts.repository.load(account.accountId)) ?? account;
  }
}

const selfOf = (account: Account) => ({ actor: account.accountId, actorName: account.displayName });
