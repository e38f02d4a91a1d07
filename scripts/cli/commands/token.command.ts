import { MAX_TOKEN_LIFETIME_SECONDS, signToken, tokenSecret } from '@app/platform';
import { accountsOf } from '../accounts-of';
import { type CliCommand, UsageError, stringOption } from '../command';

/**
 * A development convenience: a signed token naming an existing account (its roles are the account's, as they stand
 * when the token is used). People sign in (POST /api/v1/session); machines get service tokens from an administrator.
 */
export const tokenCommand: CliCommand = {
  name: 'token',
  summary: 'development only: a signed token for an existing account (people sign in; services get service tokens)',
  usage: 'token --username U [--hours 12 at most]',
  async run(context) {
    const { options, config, print } = context;
    const username = stringOption(options, 'username');
    const hours = Number(stringOption(options, 'hours', '12'));
    const maxHours = MAX_TOKEN_LIFETIME_SECONDS / 3600;
    if (!Number.isFinite(hours) || hours <= 0 || hours > maxHours)
      throw new UsageError(`--hours must be a positive number up to ${maxHours}`);
    const { accounts, close } = await accountsOf(context);
    try {
      const account = await accounts.view(username).catch(() => {
        throw new UsageError(`no account "${username}": create it first (npm run dossier -- user add …)`);
      });
      if (account.disabled) throw new UsageError(`the account "${username}" is disabled`);
      print(signToken(account.accountId, tokenSecret(config), Math.round(hours * 3600)));
    } finally {
      await close();
    }
  },
};
