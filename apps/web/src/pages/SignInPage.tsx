import { type FormEvent, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { ApiError } from '../api/client';
import { signIn } from '../api/session';
import { useInteractiveMark } from '../app/interactive-mark';

export function SignInPage() {
  const client = useQueryClient();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  useInteractiveMark();

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setBusy(true);
    setError(null);
    try {
      await signIn(String(form.get('username') ?? ''), String(form.get('password') ?? ''));
      // everything asked before signing in (the units at start-up got a 401) is asked again for this user
      await client.invalidateQueries();
    } catch (e) {
      setError(e instanceof ApiError ? e.message : 'Không đăng nhập được. Vui lòng thử lại.');
    } finally {
      setBusy(false);
    }
  }

  return (
    <main className="sign-in" id="main">
      <h1>Bộ phận Tiếp nhận và Trả kết quả</h1>
      <p className="lead">Đăng nhập để tiếp nhận hồ sơ và theo dõi hàng đợi của đơn vị.</p>
      <form onSubmit={submit} className="card stack" aria-describedby={error ? 'sign-in-error' : undefined}>
        <label>
          Tên đăng nhập
          <input name="username" autoComplete="username" required autoFocus />
        </label>
        <label>
          Mật khẩu
          <input name="password" type="password" autoComplete="current-password" required />
        </label>
        {error && (
          <p role="alert" id="sign-in-error" className="error">
            {error}
          </p>
        )}
        <button type="submit" className="primary" disabled={busy}>
          {busy ? 'Đang đăng nhập…' : 'Đăng nhập'}
        </button>
      </form>
    </main>
  );
}
