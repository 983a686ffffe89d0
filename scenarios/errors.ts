/**
 * Diagnostics: every problem found in a scenario, located by file, line, column and key
 * path, so a planner can fix all of them in one pass instead of one per run.
 */

export interface Diagnostic {
  severity: 'error' | 'warning';
  /** Stable code, e.g. 'unknown-key', 'wrong-dimension', 'probability-sum', 'yaml-syntax', 'unstable'. */
  code: string;
  file: string;
  /** 1-based. */
  line: number;
  col: number;
  /** Key path, e.g. 'units.acute.capacity'. */
  path: string;
  /** What was found. */
  message: string;
  /** What was expected. */
  expected?: string;
  /** How to fix it, e.g. 'did you mean `capacity`?'. */
  hint?: string;
}

export class ScenarioError extends Error {
  readonly code = 'SCENARIO_INVALID';
  diagnostics: Diagnostic[];
  constructor(diagnostics: Diagnostic[]) {
    const errors = diagnostics.filter((d) => d.severity === 'error');
    const first = errors[0] ?? diagnostics[0];
    const head = first ? `${first.file}:${first.line}:${first.col}: ${first.message}` : 'invalid scenario';
    super(errors.length > 1 ? `${head} (and ${errors.length - 1} more)` : head);
    this.name = 'ScenarioError';
    this.diagnostics = diagnostics;
  }
}

/** Where a value sits in its source: enough to point a caret at it. */
export interface Loc {
  file: string;
  line: number;
  col: number;
}

export const NOWHERE: Loc = { file: '<scenario>', line: 1, col: 1 };

export type DiagExtra = { expected?: string; hint?: string };

/** Collects diagnostics; nothing is fatal, so callers keep going after a report. */
export class Diagnostics {
  readonly list: Diagnostic[] = [];
  private seen = new Set<string>();

  error(code: string, loc: Loc, path: string, message: string, extra: DiagExtra = {}): void {
    this.add('error', code, loc, path, message, extra);
  }

  warn(code: string, loc: Loc, path: string, message: string, extra: DiagExtra = {}): void {
    this.add('warning', code, loc, path, message, extra);
  }

  get errorCount(): number {
    return this.list.filter((d) => d.severity === 'error').length;
  }

  /** While `as` runs, whose problems these are (e.g. `` in strategy `x` ``). */
  private whose = '';

  /**
   * Runs `work` with its problems named for `whose`: a problem already reported unnamed (the
   * scenario's own, from its baseline) is not said again; one of `whose` own says whose it is.
   */
  as<T>(whose: string, work: () => T): T {
    const outer = this.whose;
    this.whose = whose;
    try {
      return work();
    } finally {
      this.whose = outer;
    }
  }

  private add(severity: Diagnostic['severity'], code: string, loc: Loc, path: string, message: string, extra: DiagExtra): void {
    // The same expression may be compiled once per strategy; report it once.
    const key = `${severity}|${code}|${loc.file}|${loc.line}|${loc.col}|${path}|${message}`;
    if (this.seen.has(key)) return;
    const own = key + this.whose;
    if (this.whose && this.seen.has(own)) return;
    this.seen.add(own);
    const d: Diagnostic = { severity, code, file: loc.file, line: loc.line, col: loc.col, path, message: message + this.whose };
    if (extra.expected !== undefined) d.expected = extra.expected;
    if (extra.hint !== undefined) d.hint = extra.hint;
    this.list.push(d);
  }
}

/**
 * Sorts by file, position, then errors before warnings: the order a reader fixes them in.
 * PERF: files are compared only when they differ: the first `localeCompare` in a process sets up
 * the locale's collation (8-11 ms of every command's start-up, before a run's first replication),
 * and most scenarios are one file.
 */
export function sortDiagnostics(diags: Diagnostic[]): Diagnostic[] {
  return diags
    .slice()
    .sort(
      (a, b) =>
        (a.file === b.file ? 0 : a.file.localeCompare(b.file)) ||
        a.line - b.line ||
        a.col - b.col ||
        (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1),
    );
}
