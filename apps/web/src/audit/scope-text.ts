import type { Unit } from '../api/types';
import { levelLabel } from '../reports/view';
import type { FilingSummary } from '../reports/types';

/** A filing's scope in words: its levels, or the names of its units. */
export function scopeText(scope: FilingSummary['scope'], units: Unit[]): string {
  if (scope.levels && scope.levels.length > 0) return scope.levels.map(levelLabel).join(', ');
  const ids = scope.units ?? scope.unitsInScope;
  return ids.map((id) => units.find((u) => u.id === id)?.name ?? id).join('; ');
}
