import { violation, type flowSetup, type FlowTransition } from '../../flowSetup.js';
import type { Rule } from '../../rules.js';

type Transition<G extends string> = FlowTransition<typeof flowSetup, G>;

/**
 * Whether an appraisal pauses the period: always, or where a guard `G` of the flow says so (the domain, the category).
 */
type Pauses<G extends string> = true | G;

interface AppraisalOptions<G extends string> {
  /** The period appraisal time is left out of (MDR Arts. 38, 40; SPC-Online Art. 26; PSAPL Art. 99). */
  kind: string;
  pauses: Pauses<G>;
}

/**
 * An appraisal (鉴定) under way, as every mediation flow handles it: `appraisal.started` records
 * it and pauses `kind` where the law leaves appraisal time out; `appraisal.completed` resumes the
 * period with the time that was left. A flow with a `paused` state moves there and back; a flow
 * without one accepts both events in one state, and refuses a second start or a completion
 * without a start with its own rules.
 */
export function appraisalHandlers<const G extends string = never>(
  options: AppraisalOptions<G> &
    ({ pausedState: string; resumeState: string } | { refusals: { alreadyStarted: Rule; noneUnderWay: Rule } }),
): {
  started: Record<'appraisal.started', Transition<G>[]>;
  completed: Record<'appraisal.completed', Transition<G>[]>;
} {
  const pause = { type: 'pauseDeadline', params: { kind: options.kind } } as const;
  const resume = { type: 'resumeDeadline', params: { kind: options.kind } } as const;
  const moved = 'pausedState' in options;
  const started: Transition<G>[] = [
    ...(moved ? [] : [violation('appraisalUnderWay', options.refusals.alreadyStarted)]),
    ...branches(options.pauses, moved ? options.pausedState : undefined, ['startAppraisal', pause], ['startAppraisal']),
  ];
  const completed: Transition<G>[] = [
    ...(moved ? [] : [violation('noAppraisalUnderWay', options.refusals.noneUnderWay)]),
    ...branches(
      options.pauses,
      moved ? options.resumeState : undefined,
      ['completeAppraisal', resume],
      ['completeAppraisal'],
    ),
  ];
  return { started: { 'appraisal.started': started }, completed: { 'appraisal.completed': completed } };
}

function branches<G extends string>(
  pauses: Pauses<G>,
  target: string | undefined,
  pausing: Transition<G>['actions'],
  counting: Transition<G>['actions'],
): Transition<G>[] {
  const to = target ? { target } : {};
  if (pauses === true) return [{ ...to, actions: pausing }];
  return [
    { guard: pauses, ...to, actions: pausing },
    { ...to, actions: counting },
  ];
}
