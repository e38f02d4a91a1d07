import { type FormEvent, useMemo, useState } from 'react';
import { Link } from 'wouter';
import { api } from '../api/client';
import { fold } from '../lib/text';
import { formatInstant, todayLocal } from '../lib/time';
import { Dialog } from './Dialog';
import { type GrantDraft, GrantFields, grantBody } from './GrantFields';
import { OneTimePassword } from './OneTimePassword';
import { useAccountChanged, useAccounts } from './queries';
import type { Account } from './types';
import { useUnitNames } from './unit-names';
import { useFormProblems } from './useForm';
import { grantText, inForce } from './validity';

/** Badges of what stops an account or must happen first. */
export function AccountStatus({ account }: { account: Account }) {
  const locked = account.lockedUntil !== null && account.lockedUntil > new Date().toISOString();
  return (
    <span className="status-badges">
      {account.disabled ? <span className="badge late">Đã khoá</span> : <span className="badge ok">Hoạt động</span>}
      {locked && <span className="badge soon">Tạm khoá đến {formatInstant(account.lockedUntil)}</span>}
      {account.mustChangePassword && <span className="badge">Phải đổi mật khẩu</span>}
      {account.kind === 'service' && <span className="badge">Tài khoản dịch vụ</span>}
    </span>
  );
}

/** Every account, its roles in force per unit and its state; a new account with its first grants. */
export function AccountsPage() {
  const accounts = useAccounts();
  const { name: unitName } = useUnitNames();
  const [query, setQuery] = useState('');
  const [creating, setCreating] = useState(false);
  const [created, setCreated] = useState<{ username: string; password?: string } | null>(null);
  const today = todayLocal();
  const shown = useMemo(
    () => (accounts.data ?? []).filter((a) => !query || fold(`${a.username} ${a.displayName}`).includes(fold(query))),
    [accounts.data, query],
  );

  return (
    <section className="stack" aria-labelledby="accounts-title">
      <div className="admin-head">
        <h2 id="accounts-title">Tài khoản và phân quyền</h2>
        <button type="button" className="primary" onClick={() => setCreating(true)}>
          Tạo tài khoản
        </button>
      </div>
      {created?.password && (
        <OneTimePassword username={created.username} password={created.password} onDone={() => setCreated(null)} />
      )}
      {created && !created.password && (
        <p role="status" className="ok">
          Đã tạo tài khoản dịch vụ <Link href={`/admin/accounts/${created.username}`}>{created.username}</Link>.
        </p>
      )}
      {created?.password && (
        <p>
          Xem tài khoản: <Link href={`/admin/accounts/${created.username}`}>{created.username}</Link>
        </p>
      )}
      <label className="admin-filter">
        Tìm theo tên đăng nhập hoặc họ tên
        <input type="search" value={query} onChange={(e) => setQuery(e.target.value)} />
      </label>
      {accounts.isError && (
        <p role="alert" className="error">
          {accounts.error.message}
        </p>
      )}
      {accounts.isPending ? (
        <p className="loading">Đang tải…</p>
      ) : (
        <table className="admin-table">
          <caption className="muted">
            {shown.length} / {accounts.data?.length ?? 0} tài khoản
          </caption>
          <thead>
            <tr>
              <th scope="col">Tên đăng nhập</th>
              <th scope="col">Họ tên</th>
              <th scope="col">Quyền đang hiệu lực</th>
              <th scope="col">Trạng thái</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((account) => {
              const current = account.grants.filter((g) => inForce(g.validFrom, g.validUntil, today));
              return (
                <tr key={account.username}>
                  <td>
                    <Link href={`/admin/accounts/${account.username}`}>{account.username}</Link>
                  </td>
                  <td>{account.displayName}</td>
                  <td>
                    {current.length === 0 ? (
                      <span className="muted">Chưa có quyền</span>
                    ) : (
                      <ul className="plain">
                        {current.map((g) => (
                          <li key={g.grantId}>{grantText(g, unitName)}</li>
                        ))}
                      </ul>
                    )}
                  </td>
                  <td>
                    <AccountStatus account={account} />
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      {creating && (
        <CreateAccountDialog
          onClose={() => setCreating(false)}
          onCreated={(username, password) => {
            setCreating(false);
            setCreated({ username, password });
          }}
        />
      )}
    </section>
  );
}

const newGrant = (unitId = ''): GrantDraft => ({ role: 'clerk', unitId, validFrom: todayLocal(), validUntil: '' });

function CreateAccountDialog({
  onClose,
  onCreated,
}: {
  onClose: () => void;
  onCreated: (username: string, password?: string) => void;
}) {
  const form = useFormProblems();
  const { inForceToday } = useUnitNames();
  const changed = useAccountChanged();
  const [kind, setKind] = useState<'person' | 'service'>('person');
  const [grants, setGrants] = useState<GrantDraft[]>([newGrant()]);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const username = String(data.get('username') ?? '').trim();
    form.clear();
    setBusy(true);
    try {
      const answer = await api<{ account: Account; oneTimePassword?: string }>('/api/v1/accounts', {
        method: 'POST',
        body: {
          username,
          displayName: String(data.get('displayName') ?? '').trim(),
          kind,
          grants: grants.map(grantBody),
        },
      });
      await changed(answer.account.username);
      onCreated(answer.account.username, answer.oneTimePassword);
    } catch (error) {
      form.fail(error, 'Không tạo được tài khoản. Vui lòng thử lại.');
    } finally {
      setBusy(false);
    }
  }

  return (
    <Dialog title="Tạo tài khoản" onClose={onClose}>
      <form className="stack" onSubmit={(e) => void submit(e)} noValidate>
        <div className="grid-2">
          <div className="field">
            <label htmlFor={form.field('username').id}>Tên đăng nhập</label>
            <input {...form.field('username')} autoComplete="off" autoCapitalize="none" spellCheck={false} autoFocus />
            <small className="muted">3–64 ký tự: chữ thường không dấu, chữ số, . _ -</small>
            {form.error('username')}
          </div>
          <div className="field">
            <label htmlFor={form.field('displayName').id}>Họ tên hiển thị</label>
            <input {...form.field('displayName')} autoComplete="off" />
            {form.error('displayName')}
          </div>
          <div className="field">
            <label htmlFor={form.field('kind').id}>Loại tài khoản</label>
            <select
              {...form.field('kind')}
              value={kind}
              onChange={(e) => setKind(e.target.value as 'person' | 'service')}
            >
              <option value="person">Người dùng (đăng nhập bằng mật khẩu)</option>
              <option value="service">Tài khoản dịch vụ (hệ thống khác, mã truy cập)</option>
            </select>
            {form.error('kind')}
          </div>
        </div>
        <fieldset className="stack">
          <legend>Quyền ban đầu</legend>
          {grants.map((grant, i) => (
            <div key={i} className="grant-row">
              <GrantFields
                value={grant}
                onChange={(next) => setGrants(grants.map((g, j) => (j === i ? next : g)))}
                units={inForceToday}
                form={form}
                prefix={`grants[${i}]`}
              />
              <button
                type="button"
                onClick={() => setGrants(grants.filter((_, j) => j !== i))}
                aria-label={`Bỏ quyền thứ ${i + 1}`}
              >
                Bỏ
              </button>
            </div>
          ))}
          <div>
            <button type="button" onClick={() => setGrants([...grants, newGrant()])}>
              Thêm một quyền
            </button>
          </div>
        </fieldset>
        {form.summary()}
        <div className="row">
          <button type="submit" className="primary" disabled={busy}>
            {busy ? 'Đang tạo…' : 'Tạo tài khoản'}
          </button>
          <button type="button" onClick={onClose}>
            Huỷ
          </button>
        </div>
      </form>
    </Dialog>
  );
}
