/**
 * Evaluation environment of one compile: the `params` of the scenario (evaluated lazily,
 * in any order, with cycle detection), the draws of uncertain params for one replication,
 * and dependency tracking, so a replication recompiles only what its draws touch.
 */
import type { Dist } from '../engine/index.js';
import { distMean } from '../engine/index.js';
import type { Diagnostics } from './errors.js';
import type { SMap, SNode } from './tree.js';
import { describeNode } from './tree.js';
import { evaluate, ExprError, DIST_FUNCTIONS, MATH_FUNCTIONS, type Scope } from './expressions.js';
import { toDist } from './dist.js';
import { TIME_UNITS, qty, type Value } from './quantity.js';
import { NAME_RE } from './check-keys.js';

/** Thrown inside evaluation when a param already failed and was reported once. */
const REPORTED = 'reported';

const BASE_PREFIX = '\u0000base:';

function sameNode(a: SNode, b: SNode): boolean {
  return (
    a.kind === 'scalar' &&
    b.kind === 'scalar' &&
    a.text === b.text &&
    a.loc.file === b.loc.file &&
    a.loc.line === b.loc.line &&
    a.loc.col === b.loc.col
  );
}

export interface Uncertain {
  dist: Dist;
  /** Power of time of its samples. */
  t: number;
}

export class Env implements Scope {
  readonly uncertain = new Map<string, Uncertain>();
  private readonly nodes = new Map<string, SNode>();
  private readonly values = new Map<string, Value | null>();
  private readonly deps = new Map<string, Set<string>>();
  /** Per param, every param its value was worked out from (through other params too). */
  private readonly reads = new Map<string, Set<string>>();
  private readonly busy = new Set<string>();
  private frames: Set<string>[] = [];
  private readFrames: Set<string>[] = [];

  private readonly base = new Map<string, SNode>();

  /**
   * `base` holds the baseline's params, so a strategy's `params.x: x + 20` means the
   * baseline x plus 20 rather than a loop.
   */
  constructor(
    params: SMap | undefined,
    readonly diags: Diagnostics,
    readonly draws?: Map<string, number>,
    base?: SMap,
  ) {
    if (params) for (const e of params.entries) this.nodes.set(e.key, e.value);
    if (base) {
      for (const e of base.entries) {
        const own = this.nodes.get(e.key);
        if (own && !sameNode(own, e.value)) this.base.set(e.key, e.value);
      }
    }
  }

  /** Evaluates every param, so unused ones are checked too; reports reserved names. */
  evalAll(params: SMap | undefined): void {
    if (!params) return;
    for (const e of params.entries) {
      if (
        TIME_UNITS[e.key] !== undefined ||
        DIST_FUNCTIONS.includes(e.key) ||
        MATH_FUNCTIONS.includes(e.key) ||
        e.key === 'rest' ||
        e.key === 'unlimited'
      ) {
        this.diags.error(
          'reserved-name',
          e.keyLoc,
          `params.${e.key}`,
          `\`${e.key}\` is a unit, function or keyword, so it cannot name a param`,
          { hint: `rename it, e.g. \`${e.key}_value\`` },
        );
        continue;
      }
      if (!NAME_RE.test(e.key)) continue;
      try {
        this.track(() => this.lookup(e.key));
      } catch (err) {
        if (!(err instanceof ExprError && err.code === REPORTED)) throw err;
      }
    }
  }

  names(): string[] {
    return [...this.nodes.keys()];
  }

  lookup(name: string): Value | undefined {
    const useBase = this.busy.has(name) && this.base.has(name);
    const key = useBase ? BASE_PREFIX + name : name;
    const node = useBase ? this.base.get(name) : this.nodes.get(name);
    if (!node) return undefined;
    if (!this.values.has(key)) this.compute(key, name, node);
    const d = this.deps.get(key);
    if (d) for (const f of this.frames) for (const x of d) f.add(x);
    const r = this.reads.get(key);
    for (const f of this.readFrames) {
      f.add(name);
      if (r) for (const x of r) f.add(x);
    }
    const v = this.values.get(key);
    if (v === null) throw new ExprError(REPORTED, '');
    return v;
  }

  private compute(key: string, name: string, node: SNode): void {
    const path = `params.${name}`;
    if (this.busy.has(key)) {
      this.diags.error('param-cycle', node.loc, path, `\`${name}\` depends on itself`, {
        expected: 'params that refer only to params defined without a loop',
      });
      this.values.set(key, null);
      this.deps.set(key, new Set());
      return;
    }
    this.busy.add(key);
    const [v, deps, reads] = this.track(() => this.eval(node, path));
    this.reads.set(key, reads);
    this.busy.delete(key);
    let out: Value | null = v;
    if (v && v.k === 'dist') {
      try {
        const u = toDist(v, null);
        this.uncertain.set(name, u);
        deps.add(name);
        const drawn = this.draws?.get(name);
        out = qty(drawn ?? distMean(u.dist), u.t);
      } catch (e) {
        this.report(e, node, path);
        out = null;
      }
    }
    if (!this.values.has(key)) this.values.set(key, out);
    this.deps.set(key, deps);
  }

  /** Runs fn and returns the uncertain params it touched, and every param it read (through other params too). */
  track<T>(fn: () => T): [T, Set<string>, Set<string>] {
    const frame = new Set<string>(),
      read = new Set<string>();
    this.frames.push(frame);
    this.readFrames.push(read);
    try {
      return [fn(), frame, read];
    } finally {
      this.frames.pop();
      this.readFrames.pop();
    }
  }

  /** Evaluates a scalar; reports and returns null on any problem. */
  eval(node: SNode, path: string): Value | null {
    if (node.kind !== 'scalar' || node.empty) {
      this.diags.error('wrong-type', node.loc, path, `found ${describeNode(node)}`, {
        expected: 'a value (an expression such as `9.1 days`, `320/day` or `35%`)',
      });
      return null;
    }
    try {
      return evaluate(node.text, this);
    } catch (e) {
      this.report(e, node, path);
      return null;
    }
  }

  report(e: unknown, node: SNode, path: string): void {
    if (!(e instanceof ExprError)) throw e;
    if (e.code === REPORTED) return;
    const loc =
      e.offset !== undefined && node.kind === 'scalar' && !node.text.includes('\n')
        ? { ...node.loc, col: node.loc.col + e.offset }
        : node.loc;
    this.diags.error(e.code, loc, path, e.message, { expected: e.expected, hint: e.hint });
  }
}
