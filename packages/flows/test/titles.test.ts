import { flowStructure, listFlows, listFlowVersions } from '../src/index.js';

/** A person reads the Chinese name on a button, in a timeline and in the case header (issue 14). */
const CHINESE = /^[\u3400-\u9fff][\u3400-\u9fff/（）()、 ]*$/u;

const everyFlowVersion = () => listFlowVersions();

describe('Chinese titles of every registered flow', () => {
  it.each(everyFlowVersion().map((flow) => [`${flow.id} v${flow.version}`, flow] as const))(
    '%s: every event has a Chinese titleZh',
    (_name, flow) => {
      const untitled = Object.entries(flow.events)
        .filter(([, spec]) => !CHINESE.test(spec.titleZh))
        .map(([type]) => type);
      expect(untitled).toEqual([]);
    },
  );

  it.each(everyFlowVersion().map((flow) => [`${flow.id} v${flow.version}`, flow] as const))(
    '%s: every state has a Chinese titleZh',
    (_name, flow) => {
      const untitled = flowStructure(flow)
        .states.filter((state) => !CHINESE.test(state.titleZh))
        .map((state) => state.name);
      expect(untitled).toEqual([]);
    },
  );

  it('names the acceptance of a people-mediation case 受理 and its first state 待受理', () => {
    const flow = listFlows().find((f) => f.id === 'people-mediation')!;
    expect(flow.events['application.accepted']!.titleZh).toBe('受理');
    expect(flowStructure(flow).states.find((s) => s.name === 'pendingAcceptance')!.titleZh).toBe('待受理');
  });
});
