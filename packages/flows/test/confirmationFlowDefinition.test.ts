import { getFlow } from '../src/index.js';

// What the host reads from the flow definition of judicial confirmation (flows.md, "Flow
// `judicial-confirmation`"): who may open a case, and the law the flow as a whole follows.

describe('judicial confirmation: its flow definition', () => {
  const flow = () => getFlow('judicial-confirmation');

  it('CPL Art. 205: only the court registers the joint application, so only the court opens a case', () => {
    expect(flow().openedBy).toEqual(['court']);
  });

  it('PML Art. 33; CPL Arts. 185-187, 205-206, 250; CPL-Interp; SPC-Confirm-2011: cites the law it follows', () => {
    expect(flow().basis).toBe(
      'PML Art. 33; CPL Arts. 185-187, 205-206, 250; CPL-Interp Arts. 351-358, 372; SPC-Confirm-2011 Arts. 4-6',
    );
  });
});
