import { useState } from 'react';

/** The report's Vietnamese paragraphs as the server writes them (format=text), with a copy button. */
export function ReportParagraph({ text, loading }: { text: string | undefined; loading: boolean }) {
  const [copied, setCopied] = useState<'yes' | 'no' | null>(null);
  const copy = async () => {
    if (!text) return;
    try {
      await navigator.clipboard.writeText(text);
      setCopied('yes');
    } catch {
      setCopied('no');
    }
  };
  return (
    <section className="card report-text" aria-labelledby="report-text-title">
      <div className="section-head">
        <h2 id="report-text-title">Đoạn văn báo cáo</h2>
        <button type="button" onClick={() => void copy()} disabled={!text}>
          Sao chép đoạn văn
        </button>
        <span role="status" className="copy-status">
          {copied === 'yes'
            ? 'Đã sao chép vào bộ nhớ tạm.'
            : copied === 'no'
              ? 'Không sao chép được; hãy chọn và sao chép thủ công.'
              : ''}
        </span>
      </div>
      {loading && !text ? (
        <p className="loading">Đang tải…</p>
      ) : (
        <div data-testid="report-text">
          {(text ?? '').split(/\n\n+/).map((p, i) => (
            <p key={i}>{p}</p>
          ))}
        </div>
      )}
    </section>
  );
}
