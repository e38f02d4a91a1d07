import { MAX_TOKEN_LIFETIME_SECONDS, ROLES, type Role, signToken, tokenSecret } from '@app/platform';
import { type CliCommand, UsageError, stringOption } from '../command';

export const tokenCommand: CliCommand = {
  name: 'token',
  summary: 'mint an access token for local use (signed with TOKEN_SECRET or the one kept in .data/)',
  usage:
    'token --role clerk|supervisor|auditor|admin [--unit ID[,ID…]] [--subject NAME (default: role@units)] [--hours 12 at most]',
  async run({ options, config, print }) {
    const role = stringOption(options, 'role') as Role;
    if (!ROLES.includes(role)) throw new UsageError(`--role must be one of ${ROLES.join(', ')}`);
    const unitOption = typeof options.unit === 'string' ? options.unit : undefined;
    const units = unitOption
      ? unitOption
          .split(',')
          .map((u) => u.trim())
          .filter(Boolean)
      : role === 'admin' || role === 'auditor'
        ? ['*']
        : [];
    if ((role === 'clerk' || role === 'supervisor') && units.length === 0)
      throw new UsageError(`--unit is required for the ${role} role`);
    const hours = Number(stringOption(options, 'hours', '12'));
    const maxHours = MAX_TOKEN_LIFETIME_SECONDS / 3600;
    if (!Number.isFinite(hours) || hours <= 0 || hours > maxHours)
      throw new UsageError(`--hours must be a positive number up to ${maxHours}`);
    // One default subject per role and units: idempotency keys are kept per subject, so two clerks' default tokens
    // for different units never share them.
    const subject = stringOption(
      options,
      'subject',
      units.includes('*') ? `${role}@local` : `${role}@${units.join('+')}`,
    );
    print(signToken({ subject, role, units }, tokenSecret(config), Math.round(hours * 3600)));
  },
};
