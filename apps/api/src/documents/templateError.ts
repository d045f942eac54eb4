/**
 * A template file the service cannot use — not JSON, a field missing, a flow version or document
 * kind no flow has, an unknown file in the province's directory. Thrown while the templates load at
 * boot, so the service stops naming the file instead of leaving documents pending one by one.
 */
export class TemplateError extends Error {
  override readonly name = 'TemplateError';
  constructor(
    /** The file's path as the operator knows it (absolute for the province's directory). */
    readonly path: string,
    readonly problem: string,
  ) {
    super(`document template ${path}: ${problem}`);
  }
}
