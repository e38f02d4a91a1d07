import { ReferenceDataError } from './reference-error';

/** How each registry names its entries in messages (Vietnamese, for the administrator). */
const WHAT = { units: 'đơn vị', procedures: 'thủ tục', calendar: 'năm lịch làm việc' } as const;

/**
 * A new version of a registry (units by id, procedures by code, calendar years by year) replaces the one in force.
 * It may never be empty, and no entry of the version in force may disappear: dossiers, due dates and past figures
 * refer to them. An entry stops applying by an end date (`validTo`) in the new version, not by being left out.
 * `current` is undefined for the very first version.
 */
export function checkRegistryReplacement(
  registry: keyof typeof WHAT,
  current: readonly string[] | undefined,
  next: readonly string[],
): void {
  const what = WHAT[registry];
  if (next.length === 0) {
    throw new ReferenceDataError(
      'EMPTY_REGISTRY',
      `Danh mục ${what} không được để trống: tệp tải lên không có bản ghi nào.`,
    );
  }
  const kept = new Set(next);
  const removed = [...new Set(current ?? [])].filter((key) => !kept.has(key));
  if (removed.length > 0) {
    const shown = removed.slice(0, 10).join(', ') + (removed.length > 10 ? `, … (${removed.length})` : '');
    const how = registry === 'calendar' ? 'sửa năm đó thay vì bỏ đi' : 'giữ bản ghi và ghi ngày hết hiệu lực (validTo)';
    throw new ReferenceDataError(
      'ENTRY_REMOVED',
      `Không được xóa ${what} đang có trong danh mục: ${shown}. Muốn ngừng áp dụng thì ${how}.`,
    );
  }
}
