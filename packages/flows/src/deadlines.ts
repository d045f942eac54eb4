import {
  computeDueDate,
  defaultCalendar,
  nextWorkingDay,
  provisionalReasonFor,
  pausePeriod,
  workingDaysBefore,
  type DueDate,
  type IsoDate,
  type PeriodUnit,
  type RemainingTime,
} from '@jiefen/legal-time';
import type { DeadlineSort } from './vocabulary.js';

/**
 * A legal period on a case: data on the snapshot, never an xstate `after` delay (those live
 * in the host's memory, overflow after ~24.8 days and are not re-armed on restore). The host
 * keeps a durable timer for each running deadline and sends `deadline.expired { kind }`.
 */
export interface Deadline {
  kind: string;
  sort: DeadlineSort;
  basis: string;
  /** `running`: counting; `paused`: appraisal or hearing, no due date; `expired`: a target or window that passed. */
  status: 'running' | 'paused' | 'expired';
  startedOn: IsoDate;
  /** The last day, after moving off rest days; null while paused. */
  dueOn: IsoDate | null;
  /** The last day before that move: pauses and extensions count from it. */
  endsOn: IsoDate | null;
  unit: PeriodUnit;
  provisional: boolean;
  /** Why the due date may still move, e.g. `calendar year 2027 not published; statutory holidays applied`. */
  provisionalReason?: string;
  /**
   * How `endsOn` was counted: each step counts from the previous step's last day, the first from
   * its own `from`. Kept so that a calendar year loaded later recomputes the same period on the
   * new schedule. Absent on deadlines whose last day someone fixed (a supervision order).
   */
  steps?: CountingStep[];
  pausedOn?: IsoDate;
  remaining?: RemainingTime;
  /** Extensions granted while paused, applied on resumption. */
  pendingExtensions?: { length: number; unit: PeriodUnit }[];
  expiredOn?: IsoDate;
  extensions: number;
  /** Parties are told this many working days before the last day (e.g. 3 for `mediationPeriod`). */
  remindWorkingDaysBefore?: number;
  /** The day that notice is due; follows `dueOn`. */
  remindOn?: IsoDate;
}

/** One count of a period: `length` `unit`s after `from` (or after the previous step's last day). */
export interface CountingStep {
  from?: IsoDate;
  length: number;
  unit: PeriodUnit;
}

/** A named period: what it is, how long, and the article that sets it. */
export interface DeadlineRule {
  kind: string;
  sort: DeadlineSort;
  basis: string;
  length: number;
  unit: PeriodUnit;
  remindWorkingDaysBefore?: number;
}

/** Starts (or restarts) the deadline `rule.kind`, counting from the day after `from`. */
export function startDeadline(deadlines: readonly Deadline[], rule: DeadlineRule, from: IsoDate): Deadline[] {
  const due = computeDueDate({ from, length: rule.length, unit: rule.unit });
  const remind =
    rule.remindWorkingDaysBefore === undefined ? {} : { remindWorkingDaysBefore: rule.remindWorkingDaysBefore };
  return upsert(
    deadlines,
    extend(remind, {
      kind: rule.kind,
      sort: rule.sort,
      basis: rule.basis,
      status: 'running',
      startedOn: from,
      dueOn: due.dueOn,
      endsOn: due.endsOn,
      unit: rule.unit,
      ...provisionalOf(due),
      steps: [{ from, length: rule.length, unit: rule.unit }],
      extensions: 0,
    }),
  );
}

/** Sets a deadline whose last day someone fixed (a court's time limit, a supervision order). */
export function setDeadlineOn(
  deadlines: readonly Deadline[],
  spec: { kind: string; sort: DeadlineSort; basis: string },
  dueOn: IsoDate,
  today: IsoDate,
): Deadline[] {
  return upsert(
    deadlines,
    extend(spec, {
      status: 'running',
      startedOn: today,
      dueOn,
      endsOn: dueOn,
      unit: 'day',
      ...provisionalOf(nextWorkingDay(dueOn)),
      extensions: 0,
    }),
  );
}

export function clearDeadlines(deadlines: readonly Deadline[], kinds: readonly string[]): Deadline[] {
  return deadlines.filter((d) => !kinds.includes(d.kind));
}

/** Pauses a running deadline: the time after `on` stops counting (appraisal, hearing). */
export function pauseDeadline(deadlines: readonly Deadline[], kind: string, on: IsoDate): Deadline[] {
  return update(deadlines, kind, (d) =>
    d.status !== 'running' || !d.endsOn
      ? d
      : extend(d, {
          status: 'paused',
          pausedOn: on,
          remaining: pausePeriod({ endsOn: d.endsOn, unit: d.unit }, on),
          dueOn: null,
          endsOn: null,
        }),
  );
}

/** Resumes a paused deadline with the time that was left, recounted on the official calendar. */
export function resumeDeadline(deadlines: readonly Deadline[], kind: string, on: IsoDate): Deadline[] {
  return update(deadlines, kind, (d) => {
    if (d.status !== 'paused' || !d.remaining) return d;
    const { pausedOn: _pausedOn, remaining, pendingExtensions = [], provisionalReason: _reason, ...rest } = d;
    const steps: CountingStep[] = [{ from: on, length: remaining.length, unit: remaining.unit }, ...pendingExtensions];
    return extend(rest, { status: 'running', ...countSteps(steps), steps });
  });
}

/**
 * Extends a deadline by `length` `unit`s counted from its current last day. A paused deadline
 * keeps the extension and applies it when it resumes. An expired target runs again.
 */
export function extendDeadline(
  deadlines: readonly Deadline[],
  kind: string,
  length: number,
  unit: PeriodUnit,
): Deadline[] {
  return update(deadlines, kind, (d) => {
    if (d.status === 'paused') {
      return extend(d, {
        pendingExtensions: [...(d.pendingExtensions ?? []), { length, unit }],
        extensions: d.extensions + 1,
      });
    }
    if (!d.endsOn) return d;
    const { expiredOn: _expiredOn, provisionalReason: _reason, ...rest } = d;
    const due = computeDueDate({ from: d.endsOn, length, unit });
    const steps = d.steps && [...d.steps, { length, unit }];
    return extend(rest, {
      status: 'running',
      dueOn: due.dueOn,
      endsOn: due.endsOn,
      ...provisionalOf(due),
      ...(steps ? { steps } : {}),
      extensions: d.extensions + 1,
    });
  });
}

/** Marks a target or window as passed; the case shows it as overdue or lapsed until its span ends. */
export function markDeadlineExpired(deadlines: readonly Deadline[], kind: string, on: IsoDate): Deadline[] {
  return update(deadlines, kind, (d) => extend(d, { status: 'expired', expiredOn: on }));
}

/**
 * The same running deadline counted again on the calendar as loaded now (a State Council schedule
 * published after the deadline started, or a corrected one): its steps recounted (CPL Art. 85;
 * CC Arts. 200-203), or, for a last day someone fixed, only whether it is still provisional.
 * Returns the deadline unchanged when it is not running.
 */
export function recomputeDeadline(d: Deadline): Deadline {
  if (d.status !== 'running' || !d.dueOn) return d;
  const { provisionalReason: _reason, ...rest } = d;
  const due = d.steps
    ? countSteps(d.steps)
    : { dueOn: d.dueOn, endsOn: d.endsOn, ...provisionalOf(nextWorkingDay(d.dueOn)) };
  return withReminder(extend(rest, due));
}

/** The calendar years the computation of a running deadline looked at: from its first count to its last day. */
export function yearsOfDeadline(d: Deadline): number[] {
  if (!d.dueOn) return [];
  const first = Number((d.steps?.[0]?.from ?? d.startedOn).slice(0, 4));
  const last = Number(d.dueOn.slice(0, 4));
  return Array.from({ length: Math.max(0, last - first) + 1 }, (_, i) => first + i);
}

function countSteps(steps: readonly CountingStep[]): {
  dueOn: IsoDate;
  endsOn: IsoDate;
  provisional: boolean;
  provisionalReason?: string;
} {
  let due: DueDate | undefined;
  const years = new Set<number>();
  let provisional = false;
  for (const step of steps) {
    due = computeDueDate({ from: step.from ?? due!.endsOn, length: step.length, unit: step.unit });
    due.yearsTouched.forEach((year) => years.add(year));
    provisional ||= due.provisional;
  }
  // One reason for all the years the steps reached, in the library's own wording (a reason joins clauses with '; ').
  const reason = provisional ? provisionalReasonFor(defaultCalendar, [...years]) : undefined;
  return { dueOn: due!.dueOn, endsOn: due!.endsOn, provisional, ...(reason ? { provisionalReason: reason } : {}) };
}

function provisionalOf(due: DueDate): { provisional: boolean; provisionalReason?: string } {
  return due.provisionalReason
    ? { provisional: due.provisional, provisionalReason: due.provisionalReason }
    : { provisional: due.provisional };
}

export function findDeadline(deadlines: readonly Deadline[], kind: string): Deadline | undefined {
  return deadlines.find((d) => d.kind === kind);
}

/** Whether the deadline `kind` is running and its last day is over on `today`. */
export function isDeadlineDue(deadlines: readonly Deadline[], kind: string, today: IsoDate): boolean {
  const d = findDeadline(deadlines, kind);
  return d?.status === 'running' && d.dueOn !== null && today > d.dueOn;
}

function upsert(deadlines: readonly Deadline[], next: Deadline): Deadline[] {
  return [...deadlines.filter((d) => d.kind !== next.kind), withReminder(next)];
}

function update(deadlines: readonly Deadline[], kind: string, change: (d: Deadline) => Deadline): Deadline[] {
  return deadlines.map((d) => (d.kind === kind ? withReminder(change(d)) : d));
}

function withReminder(d: Deadline): Deadline {
  if (d.remindWorkingDaysBefore === undefined) return d;
  const { remindOn: _old, ...rest } = d;
  return d.dueOn && d.status === 'running'
    ? extend(rest, { remindOn: workingDaysBefore(d.dueOn, d.remindWorkingDaysBefore) })
    : rest;
}

const hasOwn = Object.prototype.hasOwnProperty;

/**
 * `{ ...base, ...changes }`, built with `Object.assign`. On Node 20 (V8 11.3) every property an
 * object literal adds after a spread costs close to a microsecond (`{ ...spec, status, ... }`
 * took 7 µs); `Object.assign` onto a fresh object copies the same own enumerable properties in
 * the same order. It would set the prototype for an own `__proto__` key, where a spread defines
 * a property: such a base takes the spread.
 */
function extend<T extends object, U extends object>(base: T, changes: U): Omit<T, keyof U> & U {
  return hasOwn.call(base, '__proto__') ? { ...base, ...changes } : Object.assign({}, base, changes);
}
