import { type FormEvent, useState } from 'react';
import { Link } from 'wouter';
import { ApiError, api } from '../api/client';
import { useSession } from '../api/session';
import { formatDate, formatInstant, todayLocal } from '../lib/time';
import { AccountStatus } from './AccountsPage';
import { describeAccountEvent } from './account-events';
import { Dialog } from './Dialog';
import { type GrantDraft, GrantFields, grantBody } from './GrantFields';
import { OneTimePassword } from './OneTimePassword';
import { useAccount, useAccountChanged, useAccountHistory, useAccountSessions } from './queries';
import type { Account, Grant } from './types';
import { useUnitNames } from './unit-names';
import { useFormProblems } from './useForm';
import { grantText, VALIDITY_LABELS, validityState } from './validity';

const path = (username: string, rest = '') => `/api/v1/accounts/${encodeURIComponent(username)}${rest}`;

type Action = { kind: 'grant' } | { kind: 'end'; grant: Grant } | { kind: 'disable' } | { kind: 'reset' };

/** One account: its grants with their dates, what an administrator may do to it, its sessions and its history. */
export function AccountPage({ username }: { username: string }) {
  const account = useAccount(username);
  const me = useSession().data?.username;
  const changed = useAccountChanged();
  const [action, setAction] = useState<Action | null>(null);
  const [notice, setNotice] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const [otp, setOtp] = useState<string | null>(null);

  if (account.isPending) return <p className="loading">Đang tải…</p>;
  if (account.isError)
    return (
      <p role="alert" className="error">
        {account.error.message}
      </p>
    );
  const a = account.data;

  async function run(label: string, request: () => Promise<unknown>) {
    setNotice(null);
    try {
      await request();
      await changed(a.username);
      setNotice({ kind: 'ok', text: label });
    } catch (error) {
      setNotice({ kind: 'error', text: error instanceof ApiError ? error.message : 'Không thực hiện được.' });
    }
  }

  const locked = a.lockedUntil !== null;
  return (
    <section className="stack" aria-labelledby="account-title">
      <p>
        <Link href="/admin/accounts">← Danh sách tài khoản</Link>
      </p>
      <div className="admin-head">
        <h2 id="account-title">
          {a.displayName} <span className="muted">({a.username})</span>
        </h2>
        <AccountStatus account={a} />
      </div>
      <p className="muted">Phiên bản tài khoản: {a.version}</p>
      {otp && <OneTimePassword username={a.username} password={otp} onDone={() => setOtp(null)} />}
      {notice && (
        <p role={notice.kind === 'error' ? 'alert' : 'status'} className={notice.kind}>
          {notice.text}
        </p>
      )}
      <div className="row admin-actions">
        {a.disabled ? (
          <button
            type="button"
            onClick={() => void run('Đã mở lại tài khoản.', () => api(path(a.username, '/enable'), { method: 'POST' }))}
          >
            Mở lại tài khoản
          </button>
        ) : (
          <button type="button" className="danger" onClick={() => setAction({ kind: 'disable' })}>
            Khoá tài khoản
          </button>
        )}
        {locked && (
          <button
            type="button"
            onClick={() =>
              void run('Đã mở tạm khoá đăng nhập.', () => api(path(a.username, '/unlock'), { method: 'POST' }))
            }
          >
            Mở tạm khoá đăng nhập
          </button>
        )}
        {a.kind === 'person' && (
          <button type="button" onClick={() => setAction({ kind: 'reset' })}>
            Cấp lại mật khẩu
          </button>
        )}
      </div>

      <GrantsTable
        account={a}
        onAdd={() => setAction({ kind: 'grant' })}
        onEnd={(grant) => setAction({ kind: 'end', grant })}
      />
      {a.kind === 'person' && <SessionsTable username={a.username} isMe={a.username === me} />}
      <HistoryTable account={a} />

      {action?.kind === 'grant' && (
        <AddGrantDialog
          username={a.username}
          onClose={() => setAction(null)}
          onDone={async () => {
            setAction(null);
            await changed(a.username);
            setNotice({ kind: 'ok', text: 'Đã cấp quyền.' });
          }}
        />
      )}
      {action?.kind === 'end' && (
        <EndGrantDialog
          account={a}
          grant={action.grant}
          onClose={() => setAction(null)}
          onDone={async () => {
            setAction(null);
            await changed(a.username);
            setNotice({ kind: 'ok', text: 'Đã kết thúc quyền.' });
          }}
        />
      )}
      {action?.kind === 'disable' && (
        <DisableDialog
          username={a.username}
          onClose={() => setAction(null)}
          onDone={async () => {
            setAction(null);
            await changed(a.username);
            setNotice({ kind: 'ok', text: 'Đã khoá tài khoản; mọi phiên đăng nhập của tài khoản đã kết thúc.' });
          }}
        />
      )}
      {action?.kind === 'reset' && (
        <ConfirmDialog
          title="Cấp lại mật khẩu"
          text={`Cấp mật khẩu dùng một lần mới cho “${a.username}”? Mật khẩu cũ hết dùng được và mọi phiên đăng nhập của tài khoản kết thúc.`}
          confirm="Cấp mật khẩu mới"
          onClose={() => setAction(null)}
          onConfirm={async () => {
            const answer = await api<{ oneTimePassword: string }>(path(a.username, '/password-reset'), {
              method: 'POST',
            });
            setAction(null);
            setOtp(answer.oneTimePassword);
            await changed(a.username);
          }}
        />
      )}
    </section>
  );
}

function GrantsTable({
  account,
  onAdd,
  onEnd,
}: {
  account: Account;
  onAdd: () => void;
  onEnd: (grant: Grant) => void;
}) {
  const { name } = useUnitNames();
  const today = todayLocal();
  const grants = [...account.grants].sort((x, y) => y.validFrom.localeCompare(x.validFrom));
  return (
    <section aria-labelledby="grants-title" className="stack">
      <div className="admin-head">
        <h3 id="grants-title">Quyền theo đơn vị</h3>
        <button type="button" onClick={onAdd}>
          Cấp quyền
        </button>
      </div>
      {grants.length === 0 ? (
        <p className="muted">Tài khoản chưa được cấp quyền nào.</p>
      ) : (
        <table className="admin-table">
          <thead>
            <tr>
              <th scope="col">Vai trò · đơn vị</th>
              <th scope="col">Hiệu lực từ</th>
              <th scope="col">Hết hiệu lực từ</th>
              <th scope="col">Trạng thái</th>
              <th scope="col">
                <span className="visually-hidden">Thao tác</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {grants.map((g) => {
              const state = validityState(g.validFrom, g.validUntil, today);
              return (
                <tr key={g.grantId}>
                  <td>{grantText(g, name)}</td>
                  <td>{formatDate(g.validFrom)}</td>
                  <td>{g.validUntil ? formatDate(g.validUntil) : 'Không thời hạn'}</td>
                  <td>
                    <span className={`badge validity-${state}`}>{VALIDITY_LABELS[state]}</span>
                  </td>
                  <td>
                    {state !== 'ended' && (
                      <button
                        type="button"
                        onClick={() => onEnd(g)}
                        aria-label={`Kết thúc quyền ${grantText(g, name)}`}
                      >
                        Kết thúc quyền
                      </button>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </section>
  );
}

function SessionsTable({ username, isMe }: { username: string; isMe: boolean }) {
  const sessions = useAccountSessions(username);
  const changed = useAccountChanged();
  const [error, setError] = useState<string | null>(null);
  async function revoke(sessionId: string) {
    setError(null);
    try {
      await api(path(username, `/sessions/${sessionId}`), { method: 'DELETE' });
      await changed(username);
    } catch (e) {
      setError(e instanceof ApiError ? e.message : 'Không thu hồi được phiên.');
    }
  }
  return (
    <section aria-labelledby="sessions-title" className="stack">
      <h3 id="sessions-title">Phiên đăng nhập đang mở</h3>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      {sessions.isError ? (
        <p className="error">{sessions.error.message}</p>
      ) : !sessions.data ? (
        <p className="muted">Đang tải…</p>
      ) : sessions.data.length === 0 ? (
        <p className="muted">Không có phiên nào đang mở.</p>
      ) : (
        <table className="admin-table">
          <thead>
            <tr>
              <th scope="col">Bắt đầu</th>
              <th scope="col">Hoạt động gần nhất</th>
              <th scope="col">Hết hạn</th>
              <th scope="col">Địa chỉ · trình duyệt</th>
              <th scope="col">
                <span className="visually-hidden">Thao tác</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {sessions.data.map((s) => (
              <tr key={s.sessionId}>
                <td>{formatInstant(s.createdAt)}</td>
                <td>{formatInstant(s.lastSeenAt)}</td>
                <td>{formatInstant(s.expiresAt)}</td>
                <td>
                  {s.address} <span className="muted">· {s.userAgent.slice(0, 60)}</span>
                </td>
                <td>
                  <button type="button" onClick={() => void revoke(s.sessionId)}>
                    {isMe ? 'Thu hồi (phiên của tôi)' : 'Thu hồi phiên'}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

function HistoryTable({ account }: { account: Account }) {
  const history = useAccountHistory(account.username);
  const { name } = useUnitNames();
  const events = [...(history.data ?? [])].reverse();
  return (
    <section aria-labelledby="history-title" className="stack">
      <h3 id="history-title">Lịch sử tài khoản</h3>
      {history.isError ? (
        <p className="error">{history.error.message}</p>
      ) : !history.data ? (
        <p className="muted">Đang tải…</p>
      ) : (
        <table className="admin-table">
          <thead>
            <tr>
              <th scope="col">Thời điểm</th>
              <th scope="col">Sự việc</th>
              <th scope="col">Người thực hiện</th>
            </tr>
          </thead>
          <tbody>
            {events.map((e) => (
              <tr key={e.position}>
                <td className="nowrap">{formatInstant(e.recordedAt)}</td>
                <td>{describeAccountEvent(e, account.grants, name)}</td>
                <td>{e.actorName ?? e.actor ?? '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

function AddGrantDialog({
  username,
  onClose,
  onDone,
}: {
  username: string;
  onClose: () => void;
  onDone: () => Promise<void>;
}) {
  const form = useFormProblems();
  const { inForceToday } = useUnitNames();
  const [grant, setGrant] = useState<GrantDraft>({
    role: 'clerk',
    unitId: '',
    validFrom: todayLocal(),
    validUntil: '',
  });
  async function submit(event: FormEvent) {
    event.preventDefault();
    form.clear();
    try {
      await api(path(username, '/grants'), { method: 'POST', body: grantBody(grant) });
      await onDone();
    } catch (error) {
      form.fail(error, 'Không cấp được quyền.');
    }
  }
  return (
    <Dialog title={`Cấp quyền cho “${username}”`} onClose={onClose}>
      <form className="stack" onSubmit={(e) => void submit(e)} noValidate>
        <GrantFields value={grant} onChange={setGrant} units={inForceToday} form={form} />
        {form.summary()}
        <div className="row">
          <button type="submit" className="primary">
            Cấp quyền
          </button>
          <button type="button" onClick={onClose}>
            Huỷ
          </button>
        </div>
      </form>
    </Dialog>
  );
}

function EndGrantDialog({
  account,
  grant,
  onClose,
  onDone,
}: {
  account: Account;
  grant: Grant;
  onClose: () => void;
  onDone: () => Promise<void>;
}) {
  const form = useFormProblems();
  const { name } = useUnitNames();
  const [on, setOn] = useState(todayLocal());
  async function submit(event: FormEvent) {
    event.preventDefault();
    form.clear();
    try {
      await api(path(account.username, `/grants/${grant.grantId}/end`), {
        method: 'POST',
        body: on ? { effectiveOn: on } : {},
      });
      await onDone();
    } catch (error) {
      form.fail(error, 'Không kết thúc được quyền.');
    }
  }
  return (
    <Dialog title="Kết thúc quyền" onClose={onClose}>
      <form className="stack" onSubmit={(e) => void submit(e)} noValidate>
        <p>
          {grantText(grant, name)} của <strong>{account.displayName}</strong>, hiệu lực từ {formatDate(grant.validFrom)}
          . Chọn hôm nay để thu hồi ngay.
        </p>
        <div className="field">
          <label htmlFor={form.field('effectiveOn').id}>Hết hiệu lực từ ngày</label>
          <input
            type="date"
            {...form.field('effectiveOn')}
            value={on}
            onChange={(e) => setOn(e.target.value)}
            autoFocus
          />
          {form.error('effectiveOn')}
        </div>
        {form.summary()}
        <div className="row">
          <button type="submit" className="danger">
            Kết thúc quyền
          </button>
          <button type="button" onClick={onClose}>
            Huỷ
          </button>
        </div>
      </form>
    </Dialog>
  );
}

function DisableDialog({
  username,
  onClose,
  onDone,
}: {
  username: string;
  onClose: () => void;
  onDone: () => Promise<void>;
}) {
  const form = useFormProblems();
  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    form.clear();
    const reason = String(new FormData(event.currentTarget).get('reason') ?? '').trim();
    try {
      await api(path(username, '/disable'), { method: 'POST', body: { reason } });
      await onDone();
    } catch (error) {
      form.fail(error, 'Không khoá được tài khoản.');
    }
  }
  return (
    <Dialog title={`Khoá tài khoản “${username}”`} onClose={onClose}>
      <form className="stack" onSubmit={(e) => void submit(e)} noValidate>
        <p>Tài khoản bị khoá không đăng nhập được; mọi phiên đang mở kết thúc ngay.</p>
        <div className="field">
          <label htmlFor={form.field('reason').id}>Lý do</label>
          <input {...form.field('reason')} maxLength={500} autoFocus />
          {form.error('reason')}
        </div>
        {form.summary()}
        <div className="row">
          <button type="submit" className="danger">
            Khoá tài khoản
          </button>
          <button type="button" onClick={onClose}>
            Huỷ
          </button>
        </div>
      </form>
    </Dialog>
  );
}

function ConfirmDialog({
  title,
  text,
  confirm,
  onClose,
  onConfirm,
}: {
  title: string;
  text: string;
  confirm: string;
  onClose: () => void;
  onConfirm: () => Promise<void>;
}) {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    try {
      await onConfirm();
    } catch (e) {
      setError(e instanceof ApiError ? e.message : 'Không thực hiện được.');
      setBusy(false);
    }
  }
  return (
    <Dialog title={title} onClose={onClose}>
      <form className="stack" onSubmit={(e) => void submit(e)}>
        <p>{text}</p>
        {error && (
          <p role="alert" className="error">
            {error}
          </p>
        )}
        <div className="row">
          <button type="submit" className="primary" disabled={busy} autoFocus>
            {confirm}
          </button>
          <button type="button" onClick={onClose}>
            Huỷ
          </button>
        </div>
      </form>
    </Dialog>
  );
}
