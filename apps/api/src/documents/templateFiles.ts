import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { TemplateError } from './templateError.js';

/** Where a template file came from: the release (`templates/`) or the province's `JIEFEN_TEMPLATE_DIR`. */
export type TemplateSource = 'bundled' | 'override';

/** One file of the template layout, read and parsed. */
export interface TemplateFile {
  /** Its name in the layout: `people-mediation/agreement.oral.json`, `labels.json`. */
  name: string;
  /** The path it was read from (named in errors). */
  path: string;
  source: TemplateSource;
  /** SHA-256 of the file's bytes, recorded with each document: the exact wording it was printed with. */
  sha256: string;
  json: unknown;
}

/** The files beside the flows' folders. */
export const SHARED_FILES = ['labels.json', 'dossier.json'] as const;
/** `<kind>[.<variant>].json` inside a flow's folder. */
const TEMPLATE_NAME = /^[a-z][A-Za-z]*(\.[\w-]+)?\.json$/;

/**
 * The bundled files, then the override directory's file by file over them. The override directory
 * holds the same layout and nothing else: an unknown file or folder is refused (a misspelt name would
 * otherwise be silently ignored, and the province's wording never printed). Hidden files (`.DS_Store`,
 * `.git`) are skipped.
 */
export function readTemplateFiles(bundledDir: string, overrideDir?: string): Map<string, TemplateFile> {
  const files = new Map<string, TemplateFile>();
  for (const file of filesIn(bundledDir, 'bundled', undefined)) files.set(file.name, file);
  if (overrideDir) {
    const flows = new Set([...files.keys()].filter((n) => n.includes('/')).map((n) => n.split('/')[0]!));
    for (const file of filesIn(overrideDir, 'override', flows)) files.set(file.name, file);
  }
  return files;
}

function filesIn(dir: string, source: TemplateSource, knownFlows: Set<string> | undefined): TemplateFile[] {
  const found: TemplateFile[] = [];
  const refuse = (path: string, problem: string): never => {
    throw new TemplateError(path, problem);
  };
  for (const entry of visible(dir)) {
    const path = join(dir, entry.name);
    if (entry.isFile()) {
      if (!(SHARED_FILES as readonly string[]).includes(entry.name))
        refuse(path, `unknown file: beside the flows' folders only ${SHARED_FILES.join(' and ')} may stand`);
      found.push(read(path, entry.name, source));
    } else if (entry.isDirectory()) {
      if (knownFlows && !knownFlows.has(entry.name))
        refuse(path, `unknown folder: the folders are named after the flows (${[...knownFlows].sort().join(', ')})`);
      for (const inner of visible(path)) {
        const innerPath = join(path, inner.name);
        if (!inner.isFile() || !TEMPLATE_NAME.test(inner.name))
          refuse(innerPath, 'unknown file: a flow folder holds only <kind>[.<variant>].json templates');
        found.push(read(innerPath, `${entry.name}/${inner.name}`, source));
      }
    } else {
      refuse(path, 'neither a file nor a folder');
    }
  }
  return found.sort((a, b) => a.name.localeCompare(b.name));
}

function visible(dir: string) {
  return readdirSync(dir, { withFileTypes: true }).filter((e) => !e.name.startsWith('.'));
}

function read(path: string, name: string, source: TemplateSource): TemplateFile {
  const bytes = readFileSync(path);
  let json: unknown;
  try {
    json = JSON.parse(bytes.toString('utf8'));
  } catch (error) {
    throw new TemplateError(path, `is not valid JSON (${(error as Error).message})`);
  }
  return { name, path, source, sha256: createHash('sha256').update(bytes).digest('hex'), json };
}
