import { type Procedure, type ProcedureCatalogue, type WorkingCalendar, addDays } from '@app/domain';
import { Random, apportion } from '@app/domain/testing';
import type { DossierScript } from './dossier-script';
import { planDossier } from './planner';
import {
  FATES,
  type Fate,
  type LineTargets,
  type ScenarioDefinition,
  fateCounts,
  receivedTotal,
  validateDefinition,
} from './scenario-definition';
import { Timeline } from './timeline';

/**
 * Every dossier of the scenario, planned: counts split over units by weight, carried-over dossiers drawn from
 * the fates they can have, channels dealt to the dossiers received in the period. Deterministic for a seed.
 */
export function planScenario(
  definition: ScenarioDefinition,
  seed: number,
  calendar: WorkingCalendar,
  procedures: ProcedureCatalogue,
): DossierScript[] {
  validateDefinition(definition);
  const random = new Random(seed);
  const { from, to } = definition.period;
  const timeline = new Timeline(calendar, addDays(from, -120), addDays(to, 30));
  const context = {
    calendar,
    timeline,
    period: definition.period,
    carryOverWindowWorkingDays: definition.carryOverWindowWorkingDays,
    random,
  };
  const scripts: DossierScript[] = [];
  definition.lines.forEach((line, lineIndex) => {
    const lineProcedures = line.procedures.map((code) => {
      const procedure = procedures.procedureAt(code, from);
      if (!procedure) throw new Error(`${line.name}: procedure ${code} is not in force on ${from}`);
      return procedure;
    });
    const weights = line.units.map((u) => u.weight);
    const perUnit = line.units.map(() => ({}) as Record<Fate, number>);
    for (const fate of FATES)
      apportion(fateCounts(line)[fate], weights).forEach((n, i) => ((perUnit[i] as Record<Fate, number>)[fate] = n));
    const carried = apportion(line.carriedOver, weights);
    const postal = apportion(line.received.postal, weights);
    line.units.forEach((unit, unitIndex) => {
      const fates = perUnit[unitIndex] as Record<Fate, number>;
      const dossiers = dealFates(fates, carried[unitIndex] as number, random);
      const received = dossiers.filter((d) => !d.carriedOver);
      const channels = dealChannels(received.length, postal[unitIndex] as number, line.received.onlineShare, random);
      received.forEach((d, i) => (d.channel = channels[i] as DossierScript['channel']));
      dossiers.forEach((d, i) => {
        scripts.push(
          planDossier(
            {
              key: `${definition.id}:${seed}:${lineIndex}:${unit.unitId}:${i}`,
              line,
              unitId: unit.unitId,
              procedures: lineProcedures as Procedure[],
              ...d,
            },
            context,
          ),
        );
      });
    });
    checkLine(
      line,
      scripts.filter((s) => s.line === line.name),
    );
  });
  return scripts.sort((a, b) => (a.receivedAt < b.receivedAt ? -1 : a.receivedAt > b.receivedAt ? 1 : 0));
}

interface Dealt {
  fate: Fate;
  carriedOver: boolean;
  channel: DossierScript['channel'];
}

/** The unit's fates, of which `carried` (drawn proportionally from the fates an old dossier can have) came in before the period. */
function dealFates(fates: Record<Fate, number>, carried: number, random: Random): Dealt[] {
  const carriable = FATES.filter((f) => f !== 'in_progress_within');
  const carriedByFate = apportion(
    carried,
    carriable.map((f) => fates[f]),
  );
  const dealt: Dealt[] = [];
  for (const fate of FATES) {
    const old = fate === 'in_progress_within' ? 0 : (carriedByFate[carriable.indexOf(fate)] as number);
    for (let i = 0; i < fates[fate]; i++) dealt.push({ fate, carriedOver: i < old, channel: 'counter' });
  }
  return random.shuffle(dealt);
}

function dealChannels(count: number, postal: number, onlineShare: number, random: Random): string[] {
  const online = Math.min(count - postal, Math.round(count * onlineShare));
  const channels = [
    ...Array(postal).fill('postal'),
    ...Array(online).fill('online'),
    ...Array(count - postal - online).fill('counter'),
  ];
  return random.shuffle(channels);
}

/** The plan must hold the line's targets exactly (a planning bug would otherwise only show in the report). */
function checkLine(line: LineTargets, scripts: DossierScript[]): void {
  const received = scripts.filter((s) => !s.carriedOver);
  const problems: string[] = [];
  if (received.length !== receivedTotal(line)) problems.push(`received ${received.length} ≠ ${receivedTotal(line)}`);
  if (scripts.length - received.length !== line.carriedOver)
    problems.push(`carried over ${scripts.length - received.length} ≠ ${line.carriedOver}`);
  const postal = received.filter((s) => s.channel === 'postal').length;
  if (postal !== line.received.postal) problems.push(`postal ${postal} ≠ ${line.received.postal}`);
  for (const [fate, n] of Object.entries(fateCounts(line))) {
    const planned = scripts.filter((s) => s.fate === fate).length;
    if (planned !== n) problems.push(`${fate} ${planned} ≠ ${n}`);
  }
  if (problems.length) throw new Error(`${line.name}: the plan misses its targets: ${problems.join('; ')}`);
}
