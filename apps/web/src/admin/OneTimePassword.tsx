import { useEffect, useRef, useState } from 'react';

/**
 * A one-time password the API answered once: shown large, with a copy button and the warning that it will not be
 * shown again. Closing it forgets it (it is kept nowhere else).
 */
export function OneTimePassword({
  username,
  password,
  onDone,
}: {
  username: string;
  password: string;
  onDone: () => void;
}) {
  const [copied, setCopied] = useState<'ok' | 'failed' | null>(null);
  const ref = useRef<HTMLElement>(null);
  useEffect(() => ref.current?.focus(), []);
  async function copy() {
    try {
      await navigator.clipboard.writeText(password);
      setCopied('ok');
    } catch {
      setCopied('failed');
    }
  }
  return (
    <section className="card otp" aria-labelledby="otp-title" ref={ref} tabIndex={-1}>
      <h2 id="otp-title">Mật khẩu dùng một lần của “{username}”</h2>
      <p className="otp-line">
        <code className="otp-value" translate="no">
          {password}
        </code>
        <button type="button" onClick={() => void copy()}>
          Sao chép
        </button>
      </p>
      <p className="warn" role="note">
        Mật khẩu này chỉ hiện một lần, sẽ không hiện lại. Hãy sao chép hoặc ghi lại và trao tận tay người dùng; họ phải
        đổi mật khẩu khi đăng nhập lần đầu.
      </p>
      {copied && (
        <p role="status" className={copied === 'ok' ? 'ok' : 'error'}>
          {copied === 'ok' ? 'Đã sao chép vào bộ nhớ tạm.' : 'Không sao chép được: hãy chọn và sao chép bằng tay.'}
        </p>
      )}
      <button type="button" className="primary" onClick={onDone}>
        Đã ghi lại, ẩn mật khẩu
      </button>
    </section>
  );
}
