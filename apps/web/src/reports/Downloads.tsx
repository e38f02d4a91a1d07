import type { Period } from './period';

/** Downloads of the report: Biểu 06 as XLSX and CSV (the server's files), the paragraph as text, and print. */
export function Downloads({ query, period, text }: { query: string; period: Period; text: string | undefined }) {
  const base = `/api/v1/reports/dossier-figures?${query}`;
  const saveText = () => {
    if (!text) return;
    const url = URL.createObjectURL(new Blob([text], { type: 'text/plain;charset=utf-8' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = `bao-cao-${period.from}-${period.to}.txt`;
    a.click();
    window.setTimeout(() => URL.revokeObjectURL(url), 1000);
  };
  return (
    <nav className="downloads no-print" aria-label="Tải về và in">
      <a className="button" href={`${base}&format=xlsx`} download={`bieu-06-${period.from}-${period.to}.xlsx`}>
        Tải Biểu 06 (Excel)
      </a>
      <a className="button" href={`${base}&format=csv`} download={`bieu-06-${period.from}-${period.to}.csv`}>
        Tải Biểu 06 (CSV)
      </a>
      <button type="button" onClick={saveText} disabled={!text}>
        Tải đoạn văn (.txt)
      </button>
      <button type="button" onClick={() => window.print()}>
        In / lưu PDF
      </button>
    </nav>
  );
}
