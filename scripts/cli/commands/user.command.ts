import { type AccountView, IdentityLinker, IdentityStore, SYSTEM_ACTOR } from '@app/accounts';
import { isRole, ROLE_NAMES, type Role } from '@app/domain';
import { accountsOf } from '../accounts-of';
import { type CliCommand, type CommandContext, UsageError, stringOption } from '../command';

const SUBCOMMANDS = [
  'add',
  'grant',
  'end-grant',
  'revoke',
  'disable',
  'enable',
  'reset-password',
  'unlock',
  'link',
  'list',
  'show',
];

/** `user add|grant|end-grant (revoke)|disable|enable|reset-password|unlock|link|list|show`: accounts, for administrators. */
export const userCommand: CliCommand = {
  name: 'user',
  summary: 'manage staff and service accounts (the first administrator, roles per unit, passwords, disabling)',
  usage: [
    'user add --username U --name "Họ tên" --role R [--unit ID[,ID…]] [--from YYYY-MM-DD] [--password P] [--service]',
    '       user grant --username U --role R --unit ID [--from YYYY-MM-DD] [--until YYYY-MM-DD]',
    '       user end-grant|revoke --username U --grant GRANT_ID [--on YYYY-MM-DD]   (ends a grant; history keeps it)',
    '       user disable --username U --reason "…" | enable --username U | unlock --username U',
    '       user reset-password --username U | list | show --username U',
    "       user link --username U --issuer URL --subject SUB   (single sign-on: the provider's iss and sub)",
  ].join('\n'),
  async run(context) {
    const [sub] = context.args;
    if (!sub || !SUBCOMMANDS.includes(sub)) throw new UsageError(`user needs one of: ${SUBCOMMANDS.join(', ')}`);
    const { accounts, close } = await accountsOf(context);
    const { options, print } = context;
    const username = () => stringOption(options, 'username');
    try {
      switch (sub) {
        case 'add': {
          const role = roleOption(context);
          const units = unitsOption(context, role);
          const password = typeof options.password === 'string' ? options.password : undefined;
          const { account, password: oneTime } = await accounts.register(
            {
              username: username(),
              displayName: stringOption(options, 'name', username()),
              kind: options.service === true ? 'service' : 'person',
              grants: units.map((unitId) => ({ role, unitId, validFrom: optionalDate(context, 'from') })),
              password,
            },
            SYSTEM_ACTOR,
          );
          printAccount(print, account);
          if (oneTime) {
            print(`Mật khẩu dùng một lần (chỉ hiện lần này; đổi khi đăng nhập lần đầu): ${oneTime}`);
          }
          return;
        }
        case 'grant': {
          const role = roleOption(context);
          for (const unitId of unitsOption(context, role)) {
            printAccount(
              print,
              await accounts.grant(
                username(),
                { role, unitId, validFrom: optionalDate(context, 'from'), validUntil: optionalDate(context, 'until') },
                SYSTEM_ACTOR,
              ),
            );
          }
          return;
        }
        case 'end-grant':
        case 'revoke':
          printAccount(
            print,
            await accounts.revoke(
              username(),
              stringOption(options, 'grant'),
              optionalDate(context, 'on'),
              SYSTEM_ACTOR,
            ),
          );
          return;
        case 'disable':
          printAccount(print, await accounts.disable(username(), stringOption(options, 'reason'), SYSTEM_ACTOR));
          return;
        case 'enable':
          printAccount(print, await accounts.enable(username(), SYSTEM_ACTOR));
          return;
        case 'unlock':
          printAccount(print, await accounts.unlock(username(), SYSTEM_ACTOR));
          return;
        case 'reset-password':
          print(`Mật khẩu dùng một lần (chỉ hiện lần này): ${await accounts.resetPassword(username(), SYSTEM_ACTOR)}`);
          return;
        case 'link': {
          const linker = new IdentityLinker(accounts.repository, new IdentityStore((await context.database()).pool));
          const issuer = stringOption(options, 'issuer');
          const subject = stringOption(options, 'subject');
          const linked = await linker.link(username(), issuer, subject, SYSTEM_ACTOR);
          print(`${linked.accountId} ← đăng nhập một lần: ${linked.issuer} · ${linked.subject}`);
          return;
        }
        case 'show':
          printAccount(print, await accounts.view(username()));
          return;
        case 'list':
          for (const account of await accounts.list()) printAccount(print, account);
          return;
      }
    } finally {
      await close();
    }
  },
};

function roleOption(context: CommandContext): Role {
  const role = stringOption(context.options, 'role');
  if (!isRole(role)) throw new UsageError(`--role must be one of ${Object.keys(ROLE_NAMES).join(', ')}`);
  return role;
}

function unitsOption(context: CommandContext, role: Role): string[] {
  const given = context.options.unit;
  if (typeof given === 'string')
    return given
      .split(',')
      .map((u) => u.trim())
      .filter(Boolean);
  if (role === 'clerk' || role === 'supervisor' || role === 'director')
    throw new UsageError(`--unit is required for the ${role} role`);
  return ['*'];
}

function optionalDate(context: CommandContext, name: string): string | undefined {
  const value = context.options[name];
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value))
    throw new UsageError(`--${name} must be YYYY-MM-DD`);
  return value;
}

function printAccount(print: (line?: string) => void, a: AccountView): void {
  const state = a.disabled ? ' [đã khoá]' : a.lockedUntil ? ` [tạm khoá đến ${a.lockedUntil}]` : '';
  print(`${a.username} — ${a.displayName} (${a.kind === 'service' ? 'tài khoản dịch vụ' : 'cán bộ'})${state}`);
  for (const g of a.grants) {
    const span = `${g.validFrom} → ${g.validUntil ?? '…'}`;
    print(`  ${g.role} @ ${g.unitId === '*' ? 'mọi đơn vị' : g.unitId}  ${span}  (grant ${g.grantId})`);
  }
}
