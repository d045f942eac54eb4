import { sendEvent, startCase, type CaseSnapshot, type Effect, type HostFacts } from '../../src/index.js';

/** Valid resident ID numbers (GB 11643 check digits) for tests. */
export const ID_NUMBERS = {
  zhang: '11010519491231002X',
  li: '32010619850312123X',
  wang: '440304199001015672',
  zhao: '110105198001010016',
} as const;
/** A valid unified social credit code (GB 32100). */
export const CREDIT_CODE = '91320100MA1M9Y8P08';

export function aParty(overrides: Record<string, unknown> = {}) {
  return {
    role: 'applicant',
    kind: 'person',
    name: '张三',
    idNumber: ID_NUMBERS.zhang,
    phone: '13800138000',
    ...overrides,
  };
}

export function anIntake(overrides: Record<string, unknown> = {}) {
  return {
    category: 'neighbour',
    summary: '邻里之间因排水问题发生纠纷',
    parties: [aParty(), aParty({ role: 'respondent', name: '李四', idNumber: ID_NUMBERS.li })],
    channel: 'walkIn',
    organizationId: 'org-street-1',
    receivedOn: '2026-03-02',
    ...overrides,
  };
}

/** A case driven through events, keeping every step's effects; each step round-trips through JSON. */
export class CaseDriver {
  effects: Effect[] = [];

  private constructor(public snapshot: CaseSnapshot) {}

  static open(flowId: string, input: Record<string, unknown>, today: string, host?: HostFacts): CaseDriver {
    const result = startCase(flowId, input, { today, ...(host ? { host } : {}) });
    const driver = new CaseDriver(roundTrip(result.snapshot));
    driver.effects = result.effects;
    return driver;
  }

  send(type: string, payload: Record<string, unknown> = {}, today = '2026-03-02', host?: HostFacts): this {
    const result = sendEvent(this.snapshot, { type, payload }, { today, ...(host ? { host } : {}) });
    this.snapshot = roundTrip(result.snapshot);
    this.effects = result.effects;
    return this;
  }

  /** The same send, for asserting that it throws. */
  attempt(type: string, payload: Record<string, unknown> = {}, today = '2026-03-02', host?: HostFacts) {
    return () => sendEvent(this.snapshot, { type, payload }, { today, ...(host ? { host } : {}) });
  }

  get state() {
    return this.snapshot.state;
  }

  get context() {
    return this.snapshot.context;
  }

  deadline(kind: string) {
    return this.snapshot.context.deadlines.find((d) => d.kind === kind);
  }

  /** The intake of the linked case the last step asked the host to open, if it asked for one. */
  linkedCaseInput(): Record<string, unknown> | undefined {
    const request = this.effects.find((e) => e.type === 'linkedCase.requested');
    return request?.type === 'linkedCase.requested' ? request.input : undefined;
  }

  documents(): string[] {
    return this.effects.flatMap((e) => (e.type === 'document.issued' ? [e.document] : []));
  }
}

export function roundTrip<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

/** Asserts that `attempt` throws an error with `code` (and `rule`, when given) and returns it. */
export function refusal(attempt: () => unknown): {
  code: string;
  rule?: string;
  basis?: string;
  allowedEvents?: string[];
  problems?: { path: string }[];
} {
  try {
    attempt();
  } catch (error) {
    return error as never;
  }
  throw new Error('expected the event to be refused, but it was applied');
}
