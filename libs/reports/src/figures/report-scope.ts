import type { OrganisationUnit, UnitRegistry } from '@app/domain';
import { type LevelSubjects, DEFAULT_LEVEL_SUBJECTS } from './level-subjects';
import { ReportParameterError, type ReportRequest } from '../query/report-request';

/** A unit taking part in a report, as the registry names it on the last day of the period. */
export interface ScopeUnit {
  id: string;
  name: string;
  level: string;
}

/** A group before its figures are known: which units it sums (procedure groups come from the data). */
export interface ScopeGroup {
  kind: 'unit' | 'level' | 'all';
  key: string;
  level?: string;
  units: ScopeUnit[];
}

export interface ReportScope {
  units: ScopeUnit[];
  /** Empty for groupBy=procedure. */
  groups: ScopeGroup[];
}

/**
 * Resolves the units of a request against the unit registry at the end of the period and lays out its groups.
 * Unknown units or levels are parameter errors (400). A unit no longer (or not yet) in force on `to` keeps the
 * name of its nearest version.
 */
export function resolveScope(
  request: ReportRequest,
  registry: UnitRegistry,
  subjects: LevelSubjects = DEFAULT_LEVEL_SUBJECTS,
): ReportScope {
  const to = request.period.to;
  const units: ScopeUnit[] = request.units ? request.units.map((id) => unitAsOf(registry, id, to)) : [];
  if (request.levels) {
    for (const level of request.levels) {
      const known = level in subjects || registry.units.some((u) => u.level === level);
      if (!known)
        throw new ReportParameterError(
          'level',
          `Unknown level "${level}" (known: ${knownLevels(registry, subjects).join(', ')}).`,
        );
      units.push(...registry.unitsOfLevel(level, to).map(scopeUnit));
    }
  }
  return { units, groups: request.groupBy === 'procedure' ? [] : groupsOf(request, units) };
}

function groupsOf(request: ReportRequest, units: ScopeUnit[]): ScopeGroup[] {
  switch (request.groupBy) {
    case 'unit':
      return units.map((u) => ({ kind: 'unit', key: u.id, level: u.level, units: [u] }));
    case 'level': {
      const levels = request.levels ?? [...new Set(units.map((u) => u.level))];
      return levels.map((level) => ({
        kind: 'level',
        key: level,
        level,
        units: units.filter((u) => u.level === level),
      }));
    }
    default:
      return [{ kind: 'all', key: 'all', units }];
  }
}

function unitAsOf(registry: UnitRegistry, id: string, date: string): ScopeUnit {
  const inForce = registry.unitAt(id, date);
  if (inForce) return scopeUnit(inForce);
  const versions = registry.units.filter((u) => u.id === id).sort((a, b) => distance(a, date) - distance(b, date));
  const nearest = versions[0];
  if (!nearest) throw new ReportParameterError('unit', `Unknown unit "${id}".`);
  return scopeUnit(nearest);
}

function distance(unit: OrganisationUnit, date: string): number {
  if (date < unit.validFrom) return Date.parse(unit.validFrom) - Date.parse(date);
  return unit.validTo === null ? 0 : Date.parse(date) - Date.parse(unit.validTo);
}

function scopeUnit(unit: OrganisationUnit): ScopeUnit {
  return { id: unit.id, name: unit.name, level: unit.level };
}

function knownLevels(registry: UnitRegistry, subjects: LevelSubjects): string[] {
  return [...new Set([...Object.keys(subjects), ...registry.units.map((u) => u.level)])];
}
