import type { IsoDate } from '@jiefen/legal-time';
import type { CaseContext, HostFacts } from './caseContext.js';
import type { CaseSnapshot } from './caseSnapshot.js';
import { collectEffects } from './collectEffects.js';
import type { Effect } from './effects.js';
import { InvalidEventError } from './InvalidEventError.js';
import { intakeSpec } from './intake.js';
import { persistSnapshot, pureInitialTransition } from './machineSnapshot.js';
import { getFlow } from './registry.js';
import { RuleViolatedError } from './RuleViolatedError.js';
import { isCalendarDate, validateObject, type FieldProblem } from './schema.js';

export interface CaseOptions {
  /** The day of the event in China Standard Time; flows never read a clock. */
  today: IsoDate;
  /** Facts only the host knows (the organisation tree, a linked case, local policy). */
  host?: HostFacts;
}

export interface CaseResult {
  snapshot: CaseSnapshot;
  effects: Effect[];
}

/**
 * Opens a case on the latest version of `flowId`. Throws `InvalidEventError` for malformed
 * input and `RuleViolatedError` when the case plainly must not open (e.g. a judicial
 * confirmation applied for after its 30-day window, PML Art. 33).
 */
export function startCase(flowId: string, input: Record<string, unknown>, options: CaseOptions): CaseResult {
  const flow = getFlow(flowId);
  checkToday(options.today);
  const problems = checkIntake(validateObject(intakeSpec(flow.intake), input), input, options.today);
  if (problems.length) throw new InvalidEventError(`opening a ${flowId} case`, problems);
  const host = options.host ?? {};
  const [snapshot, actions] = pureInitialTransition(flow.machine, {
    flowId: flow.id,
    flowVersion: flow.version,
    input,
    today: options.today,
    host,
  });
  const context = snapshot.context as CaseContext;
  const refused = flow.openingRules.find((r) => r.violated(context, host));
  if (refused) throw new RuleViolatedError(flowId, '(opening)', 'case.opened', refused.rule);
  return { snapshot: persistSnapshot(flow, snapshot), effects: collectEffects([], context.deadlines, actions) };
}

export function checkToday(today: unknown): void {
  if (!isCalendarDate(today)) {
    throw new InvalidEventError('options', [
      { path: 'today', message: 'must be a real calendar date written YYYY-MM-DD' },
    ]);
  }
}

function checkIntake(problems: FieldProblem[], input: Record<string, unknown>, today: IsoDate): FieldProblem[] {
  if (problems.length) return problems;
  const parties = input.parties as { role: string }[];
  if (!parties.some((p) => p.role === 'applicant')) {
    problems.push({ path: 'parties', message: 'must include at least one applicant' });
  }
  for (const [key, value] of Object.entries(input)) {
    if (key.endsWith('On') && typeof value === 'string' && value > today) {
      problems.push({ path: key, message: `must not be after today (${today})` });
    }
  }
  return problems;
}
