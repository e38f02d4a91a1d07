import { type Account, AccountError, normaliseUsername, USERNAME } from '@app/domain';
import type { AccountActor, AccountRepository } from '../persistence/account-repository';
import type { IdentityStore, LinkedIdentity } from './identity-store';
import { identityTaken, invalidIdentity, personOnly } from './oidc-errors';

const ISSUER_MAX = 500;
const SUBJECT_MAX = 255;

/**
 * Links a provider's subject to a staff account: claims (issuer, subject) in accounts.external_identities, then
 * records LinkIdentity on the account's stream (ExternalIdentityLinked, with who did it); if the event cannot be
 * recorded, the claim is given back. Linking again to the same account changes nothing; a subject already linked to
 * another account is a 409. Only people's accounts sign in this way.
 */
export class IdentityLinker {
  constructor(
    private readonly repository: AccountRepository,
    private readonly identities: IdentityStore,
  ) {}

  async link(username: string, issuer: string, subject: string, by: AccountActor): Promise<LinkedIdentity> {
    checkIdentity(issuer, subject);
    const account = await this.account(username);
    if (account.kind !== 'person') throw personOnly();
    const claim = await this.identities.claim(issuer, subject, account.accountId);
    if (claim === 'taken') throw identityTaken();
    try {
      await this.repository.execute(account.accountId, { type: 'LinkIdentity', issuer, subject }, by);
    } catch (error) {
      if (claim === 'claimed') await this.identities.release(issuer, subject, account.accountId);
      throw error;
    }
    const linked = (await this.identities.listFor(account.accountId)).find(
      (i) => i.issuer === issuer && i.subject === subject,
    );
    return linked ?? { issuer, subject, accountId: account.accountId, linkedAt: new Date() };
  }

  private async account(username: string): Promise<Account> {
    const accountId = normaliseUsername(username);
    const account = USERNAME.test(accountId) ? await this.repository.load(accountId) : undefined;
    if (!account) throw new AccountError('ACCOUNT_NOT_FOUND', 'username');
    return account;
  }
}

/** An issuer is an http(s) URL (as the provider names itself: `iss`); a subject 1–255 printable characters. */
export function checkIdentity(issuer: string, subject: string): void {
  let protocol = '';
  try {
    protocol = new URL(issuer).protocol;
  } catch {
    // not a URL
  }
  if (issuer.length > ISSUER_MAX || (protocol !== 'https:' && protocol !== 'http:'))
    throw invalidIdentity('issuer', 'Nhà cung cấp (issuer) phải là một địa chỉ https://… (tối đa 500 ký tự).');
  // eslint-disable-next-line no-control-regex
  if (subject.length < 1 || subject.length > SUBJECT_MAX || /[\u0000-\u001f\u007f]/.test(subject))
    throw invalidIdentity('subject', 'Mã định danh (subject) gồm 1–255 ký tự, không có ký tự điều khiển.');
}
