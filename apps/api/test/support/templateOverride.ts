import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { TEMPLATES_DIR } from '../../src/documents/templateRegistry.js';

/** A bundled template file, parsed (to copy into a province's directory and change). */
export function bundledTemplate(name: string): Record<string, any> {
  return JSON.parse(readFileSync(join(TEMPLATES_DIR, name), 'utf8'));
}

/**
 * A province's template directory in a fresh temporary folder: `files` maps layout names
 * (`people-mediation/acceptanceNotice.json`, `labels.json`) to JSON values, or to raw text for a
 * file that is not JSON.
 */
export function anOverrideDir(files: Record<string, unknown>): string {
  const dir = mkdtempSync(join(tmpdir(), 'jiefen-templates-'));
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    writeFileSync(join(dir, name), typeof content === 'string' ? content : JSON.stringify(content, null, 2));
  }
  return dir;
}

/** The bundled acceptance register with its opening paragraph reworded and its version raised. */
export function rewordedAcceptanceNotice(wording: string): Record<string, any> {
  const template = bundledTemplate('people-mediation/acceptanceNotice.json');
  const paragraph = template.blocks.find((b: { type: string }) => b.type === 'paragraph');
  paragraph.text = wording;
  template.version += 1;
  return template;
}
