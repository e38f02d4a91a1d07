import {
  type Instant,
  type LocalDate,
  type Procedure,
  type WorkingCalendar,
  dueDateAfterSupplement,
  dueDateFor,
  localDateOf,
  supplementPolicyOn,
} from '@app/domain';
import type { Random } from '@app/domain/testing';
import type { DossierScript, ScriptStep } from './dossier-script';
import type { Fate, LineTargets } from './scenario-definition';
import type { Timeline } from './timeline';

export interface PlanContext {
  calendar: WorkingCalendar;
  timeline: Timeline;
  period: { from: LocalDate; to: LocalDate };
  carryOverWindowWorkingDays: number;
  random: Random;
}

export interface DossierToPlan {
  key: string;
  line: LineTargets;
  unitId: string;
  procedures: Procedure[];
  channel: DossierScript['channel'];
  carriedOver: boolean;
  fate: Fate;
}

const ATTEMPTS = 200;

/**
 * Plans one dossier's history so that it ends in its fate: receipt day, optional supplement / fee cycles,
 * transfer, then the result (early, on time or late against the due date the system will compute), the
 * withdrawal, the stop, or an open wait — all on working days, in order, within the period where it counts.
 */
export function planDossier(input: DossierToPlan, ctx: PlanContext): DossierScript {
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    const script = tryPlan(input, ctx);
    if (script) return script;
  }
  throw new Error(
    `Cannot plan a ${input.carriedOver ? 'carried-over ' : ''}${input.fate} dossier for ${input.unitId}: no procedure and day fit`,
  );
}

function receiptWindow(input: DossierToPlan, ctx: PlanContext): LocalDate[] {
  const { from, to } = ctx.period;
  if (input.carriedOver) return ctx.timeline.before(from, ctx.carryOverWindowWorkingDays);
  const inPeriod = ctx.timeline.between(from, to);
  if (input.fate === 'in_progress_within') return inPeriod.slice(-25);
  if (input.fate === 'late' || input.fate === 'in_progress_overdue') return inPeriod.slice(0, -4);
  return inPeriod;
}

function tryPlan(input: DossierToPlan, ctx: PlanContext): DossierScript | undefined {
  const { random, timeline, calendar } = ctx;
  const { from, to } = ctx.period;
  const procedure = random.pick(input.procedures);
  const receiptDay = random.pick(receiptWindow(input, ctx));
  const receivedAt = timeline.timeOn(receiptDay, random);
  const firstDue = dueDateFor(calendar, receivedAt, procedure.timeLimit);
  if (firstDue === null) return undefined;
  let due: LocalDate = firstDue;
  const steps: ScriptStep[] = [];
  let last: Instant = receivedAt;
  const lastDay = (): LocalDate => localDateOf(last);
  const push = (step: ScriptStep): void => {
    steps.push(step);
    last = step.at;
  };
  const realism = input.line.realism;

  if (random.chance(realism.transfer)) {
    push({
      action: 'transfer',
      at: timeline.timeOn(lastDay(), random, last),
      body: { toUnitId: realism.transferTo, reason: 'Chuyển liên thông' },
    });
  }
  const closes = input.fate !== 'waiting_supplement' && input.fate !== 'waiting_financial_obligation';
  if (closes && random.chance(realism.supplementCycle)) {
    const askedOn = timeline.after(lastDay(), random.int(0, 2));
    const requestedAt = timeline.timeOn(askedOn, random, last);
    const suppliedAt = timeline.timeOn(timeline.after(askedOn, random.int(1, 5)), random, requestedAt);
    const { policy } = supplementPolicyOn(receiptDay);
    const moved = dueDateAfterSupplement(calendar, {
      policy,
      limit: procedure.timeLimit,
      dueDate: due,
      receivedAt,
      earlierSupplements: [],
      requestedAt,
      suppliedAt,
    });
    if (moved === null) return undefined;
    due = moved;
    push({
      action: 'requestSupplement',
      at: requestedAt,
      body: { reason: 'Thiếu giấy tờ theo quy định', documents: ['Bản sao chứng thực'] },
    });
    push({ action: 'receiveSupplement', at: suppliedAt, body: {}, expectDueDate: due });
  }
  if (closes && input.fate !== 'withdrawn' && input.fate !== 'stopped' && random.chance(realism.financialCycle)) {
    const requestedAt = timeline.timeOn(timeline.after(lastDay(), random.int(0, 1)), random, last);
    push({
      action: 'requestFinancialObligation',
      at: requestedAt,
      body: { amount: 100_000 * random.int(1, 20), description: 'Phí, lệ phí' },
    });
    push({
      action: 'fulfilFinancialObligation',
      at: timeline.timeOn(localDateOf(requestedAt), random, requestedAt),
      body: { amount: 0 },
    });
  }

  const earliest = [lastDay(), from].sort().at(-1) as LocalDate;
  switch (input.fate) {
    case 'early':
    case 'on_time':
    case 'late': {
      const candidates =
        input.fate === 'early'
          ? timeline.between(earliest, minDay(to, dayBefore(due)))
          : input.fate === 'on_time'
            ? due >= earliest && due <= to
              ? [due]
              : []
            : timeline.between(maxDay(earliest, dayAfter(due)), to);
      if (candidates.length === 0) return undefined;
      const resultDay = random.pick(candidates);
      if (input.fate === 'late' && random.chance(realism.rescheduleLate) && lastDay() <= due) {
        push({
          action: 'reschedule',
          at: timeline.timeOn(lastDay(), random, last),
          body: { newAppointmentDate: resultDay, reason: 'Thư xin lỗi và hẹn lại ngày trả kết quả' },
        });
      }
      const refused = random.chance(0.02);
      push({
        action: 'recordResult',
        at: timeline.timeOn(resultDay, random, last),
        body: refused ? { outcome: 'refused', reason: 'Không đủ điều kiện theo quy định' } : { outcome: 'approved' },
      });
      if (random.chance(realism.returned)) {
        const via =
          input.channel === 'postal'
            ? 'postal'
            : input.channel === 'online' && random.chance(0.5)
              ? 'online'
              : 'counter';
        push({ action: 'returnResult', at: timeline.timeOn(resultDay, random, last), body: { via } });
      }
      break;
    }
    case 'in_progress_within':
      if (due < to || lastDay() > to) return undefined;
      break;
    case 'in_progress_overdue':
      if (due >= to || lastDay() > to) return undefined;
      break;
    case 'withdrawn':
    case 'stopped': {
      const days = timeline.between(earliest, to);
      if (days.length === 0) return undefined;
      const day = random.pick(days);
      push(
        input.fate === 'withdrawn'
          ? {
              action: 'withdraw',
              at: timeline.timeOn(day, random, last),
              body: { reason: 'Công dân đề nghị rút hồ sơ' },
            }
          : {
              action: 'stop',
              at: timeline.timeOn(day, random, last),
              body: { reason: 'Dừng giải quyết theo quy định' },
            },
      );
      break;
    }
    case 'waiting_supplement':
    case 'waiting_financial_obligation': {
      const days = timeline.between(lastDay(), to);
      if (days.length === 0) return undefined;
      const at = timeline.timeOn(random.pick(days), random, last);
      push(
        input.fate === 'waiting_supplement'
          ? {
              action: 'requestSupplement',
              at,
              body: { reason: 'Cần bổ sung, hoàn thiện hồ sơ', documents: ['Giấy tờ bổ sung'] },
            }
          : { action: 'requestFinancialObligation', at, body: { amount: 500_000, description: 'Nghĩa vụ tài chính' } },
      );
      break;
    }
  }
  if (input.carriedOver && !stillOpenAtStart(steps, from)) return undefined;
  return {
    key: input.key,
    line: input.line.name,
    unitId: input.unitId,
    procedureCode: procedure.code,
    channel: input.channel,
    carriedOver: input.carriedOver,
    fate: input.fate,
    receivedAt,
    dueDate: firstDue,
    steps,
  };
}

/** A carried-over dossier must not have ended (result, withdrawal, stop) before the period starts. */
function stillOpenAtStart(steps: ScriptStep[], from: LocalDate): boolean {
  return !steps.some(
    (s) => (s.action === 'recordResult' || s.action === 'withdraw' || s.action === 'stop') && localDateOf(s.at) < from,
  );
}

const dayBefore = (d: LocalDate): LocalDate =>
  new Date(Date.parse(`${d}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
const dayAfter = (d: LocalDate): LocalDate =>
  new Date(Date.parse(`${d}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
const minDay = (a: LocalDate, b: LocalDate): LocalDate => (a < b ? a : b);
const maxDay = (a: LocalDate, b: LocalDate): LocalDate => (a > b ? a : b);
