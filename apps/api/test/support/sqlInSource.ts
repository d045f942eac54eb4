import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import ts from 'typescript';

/** One place in a source file where SQL is written, as the architecture test reports it. */
export interface SqlSite {
  /** Path relative to the scanned folder, with `/`. */
  file: string;
  line: number;
  /** The first line of the SQL, trimmed and shortened. */
  sql: string;
}

/**
 * A SQL statement as this code base writes it: keywords in capitals (docs/architecture.md "Where
 * SQL lives"). Prose in capitals rarely has these shapes; `SELECT` counts only with a `FROM`, a
 * literal or a function call after it.
 */
const STATEMENT = new RegExp(
  [
    String.raw`\bSELECT\b[\s\S]*?\bFROM\b`,
    String.raw`\bSELECT\s+(\d|[a-z_]+\()`,
    String.raw`\bINSERT\s+INTO\b`,
    String.raw`\bUPDATE\s+\w+(\s+(AS\s+)?\w+)?\s+SET\b`,
    String.raw`\bDELETE\s+FROM\b`,
  ].join('|'),
);

/** Every `.ts` file below `root`, as paths relative to it with `/`. */
export function sourceFiles(root: string): string[] {
  const walk = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) return walk(path);
      return entry.isFile() && entry.name.endsWith('.ts') ? [path] : [];
    });
  return walk(root)
    .map((path) => relative(root, path).split(sep).join('/'))
    .sort();
}

/**
 * The SQL written in one file: every string or template literal that holds a statement, and every
 * literal handed straight to a `.query(…)` call (as its text, or as the `text` of its config
 * object), whatever its case. A template's `${…}` parts count as a placeholder.
 */
export function sqlSites(root: string, file: string): SqlSite[] {
  const text = readFileSync(join(root, file), 'utf8');
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const sites = new Map<number, SqlSite>();
  const add = (node: ts.Node, sql: string) => {
    const start = node.getStart(source);
    const line = source.getLineAndCharacterOfPosition(start).line + 1;
    const first = sql.trim().split('\n')[0]!.trim();
    sites.set(start, { file, line, sql: first.length > 80 ? `${first.slice(0, 77)}...` : first });
  };
  const visit = (node: ts.Node): void => {
    const literal = literalText(node);
    if (literal !== undefined && STATEMENT.test(literal)) add(node, literal);
    if (ts.isCallExpression(node) && isQueryCall(node)) {
      for (const argument of queryTexts(node)) {
        const sql = literalText(argument);
        if (sql !== undefined && sql.trim()) add(argument, sql);
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return [...sites.values()].sort((a, b) => a.line - b.line);
}

function literalText(node: ts.Node): string | undefined {
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return node.text;
  if (ts.isTemplateExpression(node))
    return node.head.text + node.templateSpans.map((span) => `$x${span.literal.text}`).join('');
  return undefined;
}

function isQueryCall(call: ts.CallExpression): boolean {
  return ts.isPropertyAccessExpression(call.expression) && call.expression.name.text === 'query';
}

/** What a `.query(…)` call runs: its first argument, or the `text` of the config object it is given. */
function queryTexts(call: ts.CallExpression): ts.Node[] {
  const [first] = call.arguments;
  if (!first) return [];
  if (!ts.isObjectLiteralExpression(first)) return [first];
  return first.properties.flatMap((p) =>
    ts.isPropertyAssignment(p) && ts.isIdentifier(p.name) && p.name.text === 'text' ? [p.initializer] : [],
  );
}
