/**
 * How the report names the one-stop units of a level when it speaks of several of them ("các Trung tâm Hành chính
 * công cấp huyện"). Data, not code: pass another map to the FiguresService to rename a level or add one.
 */
export type LevelSubjects = Readonly<Record<string, { plural: string }>>;

export const DEFAULT_LEVEL_SUBJECTS: LevelSubjects = {
  province: { plural: 'Trung tâm Phục vụ hành chính công cấp tỉnh' },
  district: { plural: 'Trung tâm Hành chính công cấp huyện' },
  commune: { plural: 'Bộ phận Một cửa cấp xã' },
};

/** "các <plural>" for a level; a level missing from the map is named after its code. */
export function pluralSubject(level: string, subjects: LevelSubjects = DEFAULT_LEVEL_SUBJECTS): string {
  return `các ${subjects[level]?.plural ?? `đơn vị cấp ${level}`}`;
}
