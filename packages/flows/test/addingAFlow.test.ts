/**
 * The checks of docs/adding-a-flow.md that a machine can make: each registered flow has its
 * glossary entries, the roles that open it, a path model, a generated page and a decisions note.
 * (Each flow's model is held to the registry by paths.test.ts, its openedBy and organisation
 * fields by hostKnowledge.test.ts, its Chinese titles by titles.test.ts.)
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { flowStructure, listFlows, listFlowVersions } from '../src/index.js';

const repo = (path: string) => fileURLToPath(new URL(`../../../${path}`, import.meta.url));
const read = (path: string) => readFileSync(repo(path), 'utf8');

/** The rows of the glossary table under `heading` (a `##` or `###` line), as [中文, identifier]. */
function glossaryRows(glossary: string, heading: RegExp): [string, string][] {
  const lines = glossary.split('\n');
  const start = lines.findIndex((line) => /^#{2,3} /.test(line) && heading.test(line));
  if (start < 0) return [];
  const rows: [string, string][] = [];
  for (const line of lines.slice(start + 1)) {
    if (/^#{2,3} /.test(line)) break;
    const cells = line.split('|').map((c) => c.trim());
    const id = /^`([^`]+)`$/.exec(cells[2] ?? '')?.[1];
    if (id) rows.push([cells[1]!, id]);
  }
  return rows;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const flows = listFlows().map((flow) => [flow.id, flow] as const);

describe('adding a flow (docs/adding-a-flow.md)', () => {
  const glossary = read('docs/glossary.md');

  it.each(flows)('%s: the glossary names the flow with its Chinese title', (id, flow) => {
    expect(glossaryRows(glossary, /^## Flows/)).toContainEqual([flow.titleZh, id]);
  });

  it.each(flows)('%s: the glossary names every state with its Chinese title', (id, flow) => {
    const rows = glossaryRows(glossary, new RegExp(`^### .*\`${escape(id)}\`\\s*$`));
    const missing = flowStructure(flow)
      .states.map((s) => [s.titleZh, s.name] as [string, string])
      .filter((state) => !rows.some((row) => row[0] === state[0] && row[1] === state[1]));
    expect(missing).toEqual([]);
  });

  it.each(flows)('%s: has a generated page under docs/flows, listed in its index', (id, flow) => {
    const page = read(`docs/flows/${id}.md`);
    expect(page).toContain(flow.titleZh);
    for (const state of flowStructure(flow).states) expect(page).toContain(`\`${state.name}\``);
    expect(read('docs/flows/README.md')).toContain(`(${id}.md)`);
  });

  it.each(flows)('%s: has a decisions note, docs/decisions/<flowId>.md, naming its machine file', (id) => {
    expect(existsSync(repo(`docs/decisions/${id}.md`))).toBe(true);
    expect(read(`docs/decisions/${id}.md`)).toContain(`packages/flows/src/flows/${id}/machine.ts`);
  });

  it.each(flows)('%s: lives in its own folder with machine, rules, deadlines and events', (id) => {
    for (const file of ['machine.ts', 'rules.ts', 'deadlines.ts', 'events.ts']) {
      expect({ file, exists: existsSync(repo(`packages/flows/src/flows/${id}/${file}`)) }).toEqual({
        file,
        exists: true,
      });
    }
  });

  it('registers every version under an id a folder is named after', () => {
    for (const flow of listFlowVersions()) expect(existsSync(repo(`packages/flows/src/flows/${flow.id}`))).toBe(true);
  });
});
