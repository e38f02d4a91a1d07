import { type FormEvent, useState } from 'react';
import { api } from '../api/client';
import { formatNumber } from '../lib/time';
import { problemsOf } from './problems';
import { useReferenceChanged } from './queries';
import type { ReferenceKind } from './types';
import { useFormProblems } from './useForm';

const KIND_LABELS: Record<ReferenceKind, string> = {
  units: 'danh mục đơn vị',
  procedures: 'danh mục thủ tục',
  calendar: 'lịch làm việc',
};

/**
 * Replaces the whole set of a kind from a file (JSON, or CSV for units and procedures): its text is sent as
 * `content`; nothing changes when the file is refused, and the refusal names the row and field.
 */
export function WholeSetUpload({ kind }: { kind: ReferenceKind }) {
  const form = useFormProblems();
  const changed = useReferenceChanged();
  const [done, setDone] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    form.clear();
    setDone(null);
    const file = new FormData(event.currentTarget).get('file');
    if (!(file instanceof File) || file.size === 0) {
      form.set({ message: 'Chọn một tệp để tải lên.', fields: { file: 'Chưa chọn tệp.' } });
      return;
    }
    const format = /\.csv$/i.test(file.name) ? 'csv' : 'json';
    setBusy(true);
    try {
      const content = await file.text();
      const answer = await api<{ version: number; count: number }>(`/api/v1/reference/${kind}`, {
        method: 'PUT',
        body: { format, content, source: file.name },
      });
      await changed(kind);
      setDone(
        `Đã thay toàn bộ ${KIND_LABELS[kind]}: ${formatNumber(answer.count)} bản ghi, phiên bản ${answer.version}.`,
      );
    } catch (error) {
      const problems = problemsOf(error, 'Không tải lên được tệp.');
      // the file's problems are about its content: shown beside the file input
      const content = Object.entries(problems.fields).find(([f]) => f === 'content' || f.startsWith('content'));
      form.set({
        message: problems.message,
        fields: content ? { file: content[1] } : { ...problems.fields },
      });
    } finally {
      setBusy(false);
    }
  }

  return (
    <details className="card upload">
      <summary>Thay toàn bộ {KIND_LABELS[kind]} từ tệp</summary>
      <form className="stack" onSubmit={(e) => void submit(e)} noValidate>
        <p className="muted">
          Tệp JSON (mảng bản ghi){kind === 'calendar' ? '' : ' hoặc CSV có dòng tiêu đề'}. Không được bỏ bớt mục đang
          có: muốn kết thúc một mục, hãy đặt ngày hết hiệu lực. Tệp bị từ chối thì danh mục giữ nguyên.
        </p>
        <div className="field">
          <label htmlFor={form.field('file').id}>Tệp dữ liệu</label>
          <input type="file" accept={kind === 'calendar' ? '.json' : '.json,.csv'} {...form.field('file')} />
          {form.error('file')}
        </div>
        {form.summary()}
        {done && (
          <p role="status" className="ok">
            {done}
          </p>
        )}
        <div>
          <button type="submit" className="primary" disabled={busy}>
            {busy ? 'Đang tải lên…' : 'Tải lên và thay thế'}
          </button>
        </div>
      </form>
    </details>
  );
}
