/**
 * Diagnostics as text for a terminal: `file:line:col: error[code] message`, the key
 * path, what was expected, a hint, and the source line with a caret under the spot.
 */
import type { Diagnostic } from './errors.js';

export type SourceLookup = Map<string, string> | ((file: string) => string | undefined);

const paint = (on: boolean, code: string, s: string) => (on ? `\u001b[${code}m${s}\u001b[0m` : s);

export function formatDiagnostics(diags: Diagnostic[], sources: SourceLookup, opts: { color?: boolean } = {}): string {
  const color = opts.color ?? false;
  const lookup = (f: string) => (typeof sources === 'function' ? sources(f) : sources.get(f));
  const lines = new Map<string, string[] | undefined>();
  const out: string[] = [];
  for (const d of diags) {
    const sev = d.severity === 'error' ? paint(color, '1;31', 'error') : paint(color, '1;33', 'warning');
    out.push(`${paint(color, '1', `${d.file}:${d.line}:${d.col}`)}: ${sev}[${d.code}] ${d.message}`);
    if (d.path) out.push(`  at ${d.path}`);
    if (d.expected) out.push(`  expected: ${d.expected}`);
    if (d.hint) out.push(`  ${paint(color, '36', 'hint')}: ${d.hint}`);
    if (!lines.has(d.file)) {
      let text: string | undefined;
      try {
        text = lookup(d.file);
      } catch {
        text = undefined;
      }
      lines.set(d.file, text === undefined ? undefined : text.split(/\r?\n/));
    }
    const src = lines.get(d.file)?.[d.line - 1];
    if (src !== undefined && src.length <= 300) {
      const num = String(d.line);
      const gutter = ' '.repeat(num.length);
      const clean = src.replace(/\t/g, ' ');
      out.push(`  ${num} | ${clean}`);
      out.push(`  ${gutter} | ${' '.repeat(Math.max(0, Math.min(d.col - 1, clean.length)))}${paint(color, '1;31', '^')}`);
    }
    out.push('');
  }
  const errors = diags.filter((d) => d.severity === 'error').length;
  const warnings = diags.length - errors;
  out.push(`${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}`);
  return out.join('\n');
}
