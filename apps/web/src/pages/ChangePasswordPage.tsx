import { type FormEvent, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { ApiError, api } from '../api/client';
import { SESSION_KEY } from '../api/session';

/** A one-time password must be changed before anything else (the API answers 403 PASSWORD_CHANGE_REQUIRED). */
export function ChangePasswordPage({ required }: { required: boolean }) {
  const client = useQueryClient();
  const [message, setMessage] = useState<{ kind: 'error' | 'ok'; text: string } | null>(null);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const newPassword = String(form.get('newPassword') ?? '');
    if (newPassword !== String(form.get('confirm') ?? '')) {
      setMessage({ kind: 'error', text: 'Mật khẩu nhập lại không khớp.' });
      return;
    }
    try {
      await api('/api/v1/session/password', {
        method: 'PUT',
        body: { currentPassword: String(form.get('currentPassword') ?? ''), newPassword },
      });
      setMessage({ kind: 'ok', text: 'Đã đổi mật khẩu. Vui lòng đăng nhập lại bằng mật khẩu mới.' });
      await client.invalidateQueries({ queryKey: SESSION_KEY });
    } catch (e) {
      setMessage({ kind: 'error', text: e instanceof ApiError ? e.message : 'Không đổi được mật khẩu.' });
    }
  }

  return (
    <main className="sign-in" id="main">
      <h1>Đổi mật khẩu</h1>
      {required && <p className="lead">Tài khoản đang dùng mật khẩu tạm thời: hãy đặt mật khẩu mới để tiếp tục.</p>}
      <form onSubmit={submit} className="card stack">
        <label>
          Mật khẩu hiện tại
          <input name="currentPassword" type="password" autoComplete="current-password" required autoFocus />
        </label>
        <label>
          Mật khẩu mới (ít nhất 10 ký tự)
          <input name="newPassword" type="password" autoComplete="new-password" minLength={10} required />
        </label>
        <label>
          Nhập lại mật khẩu mới
          <input name="confirm" type="password" autoComplete="new-password" minLength={10} required />
        </label>
        {message && (
          <p role={message.kind === 'error' ? 'alert' : 'status'} className={message.kind === 'error' ? 'error' : 'ok'}>
            {message.text}
          </p>
        )}
        <button type="submit" className="primary">
          Đổi mật khẩu
        </button>
      </form>
    </main>
  );
}
