// A Stryker ignorer (docs/testing.md, "What is excluded"): no mutants in prose that no rule
// reads — state and event descriptions, titles, rule requirements, warning and error messages.
// Rule names, `basis` citations, lengths, units, targets, guards and actions stay mutated.
// Written without @stryker-mutator/api so it loads from the repository root, where pnpm does
// not hoist that package; PluginKind.Ignore is the string 'Ignore'.

/** Object properties whose value is prose for people. */
const PROSE_KEYS = new Set(['description', 'requirement', 'message', 'title', 'titleZh', 'meta']);

/** `new SomethingError(code, message, …)`: the message argument. */
function isErrorMessageArgument(path) {
  const parent = path.parentPath;
  if (!parent?.isNewExpression()) return false;
  const callee = parent.node.callee;
  const name = callee.type === 'Identifier' ? callee.name : '';
  return name.endsWith('Error') && parent.node.arguments.indexOf(path.node) === 1;
}

/** `documentDeadline(rules, description)`: the description, the deadline's prose in the flow docs. */
function isDeadlineDescriptionArgument(path) {
  const parent = path.parentPath;
  if (!parent?.isCallExpression()) return false;
  const callee = parent.node.callee;
  const isDocumentDeadline = callee.type === 'Identifier' && callee.name === 'documentDeadline';
  return isDocumentDeadline && parent.node.arguments.indexOf(path.node) === 1;
}

function keyName(node) {
  if (node.computed) return undefined;
  if (node.key.type === 'Identifier') return node.key.name;
  if (node.key.type === 'StringLiteral') return node.key.value;
  return undefined;
}

/** An object literal with properties, every one of them prose. */
function isProseOnly(node) {
  return (
    node.properties.length > 0 &&
    node.properties.every((p) => p.type === 'ObjectProperty' && PROSE_KEYS.has(keyName(p)))
  );
}

const ignoreProse = {
  shouldIgnore(path) {
    if (path.isObjectProperty() && PROSE_KEYS.has(keyName(path.node))) {
      return `prose for people (${keyName(path.node)}), read by no rule`;
    }
    if (isErrorMessageArgument(path)) return 'an error message, read by no rule';
    // Its lengths are read from the rule constants (span), mutated where they are defined.
    if (isDeadlineDescriptionArgument(path)) return 'a documented deadline’s description, read by no rule';
    // `{ description: '…' }` as a field's options: emptied whole by the ObjectLiteral mutator, it is
    // still only prose (the property-by-property rule above cannot see that).
    if (path.isObjectExpression() && isProseOnly(path.node)) return 'an object of prose only, read by no rule';
    return undefined;
  },
};

export const strykerPlugins = [{ kind: 'Ignore', name: 'prose', value: ignoreProse }];
