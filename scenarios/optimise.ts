/**
 * The `optimise:` section to an OptimiseSpec (optimise/spec.ts):
 *   optimise:
 *     decide:     { params.p2_beds: { from: 100, to: 220, step: 10 } }
 *     minimise:   cost_per_day + 120 * params.p2_beds      # a KPI, a unit metric, or an expression
 *     subject_to: [ delayed_bed_days_per_day <= 150, units.ucr.within_target >= 70% ]
 *     confidence: 95%
 * Every bad piece is reported where it was written, with "did you mean" for names.
 */
import type { Diagnostics, Loc } from './errors.js';
import type { SMap, SNode } from './tree.js';
import { child, describeNode, scalar } from './tree.js';
import type { Env } from './env.js';
import { readNumber, readRequiredNumber } from './read.js';
import { checkSetTarget } from './set.js';
import { evaluate, parseExpr, ExprError, suggestName } from './expressions.js';
import { qty } from './quantity.js';
import type { Constraint, Decision, MetricRef, Objective, OptimiseSpec } from './optimise-spec.js';
import { SYSTEM_KPIS, UNIT_METRICS as COMMON_UNIT_METRICS, TEAM_METRICS, STAFF_METRICS, COST_METRICS } from '../engine/index.js';

// The names an objective or target may read: the engine's own typed lists (engine/metrics.ts).
const KPI_NAMES: readonly string[] = SYSTEM_KPIS;
const UNIT_METRICS: readonly string[] = [...COMMON_UNIT_METRICS, ...TEAM_METRICS, ...COST_METRICS, ...STAFF_METRICS];

/** Grid points at most: each decision variable's lattice and the whole grid. */
export const MAX_DECISION_POINTS = 100_000;
const DOTTED = /(?<![\w.])[A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)+/g;

function at(loc: Loc, offset: number): Loc {
  return { file: loc.file, line: loc.line, col: loc.col + offset };
}

/** `declared`: every path under `decide`, valid or not, so one bad range does not make its name unknown too. */
interface Names {
  units: string[];
  decide: Decision[];
  declared: string[];
}

/** A name as the objective or a target writes it, to what it reads; reports unknown names. */
function resolveName(name: string, names: Names, loc: Loc, path: string, diags: Diagnostics): MetricRef | null {
  if (names.declared.includes(name)) return { kind: 'decision', index: names.decide.findIndex((x) => x.path === name) };
  const segs = name.split('.');
  if (segs[0] === 'units' && segs.length === 3) {
    if (!names.units.includes(segs[1])) {
      diags.error('unknown-name', loc, path, `there is no unit \`${segs[1]}\``, {
        expected: `one of ${names.units.map((u) => `\`${u}\``).join(', ')}`,
        hint: suggestName(segs[1], names.units),
      });
      return null;
    }
    if (!UNIT_METRICS.includes(segs[2])) {
      diags.error('unknown-name', loc, path, `\`${segs[2]}\` is not a unit metric`, {
        expected: `one of ${UNIT_METRICS.map((u) => `\`${u}\``).join(', ')}`,
        hint: suggestName(segs[2], UNIT_METRICS),
      });
      return null;
    }
    return { kind: 'unit', unit: segs[1], metric: segs[2] };
  }
  if (segs.length === 1 && KPI_NAMES.includes(name)) return { kind: 'kpi', name };
  const options = [...KPI_NAMES, ...names.declared, ...names.units.map((u) => `units.${u}.${UNIT_METRICS[0]}`)];
  diags.error(
    'unknown-name',
    loc,
    path,
    `\`${name}\` is neither a KPI, a unit metric (\`units.<unit>.<metric>\`) nor a decision variable`,
    {
      expected: `a KPI such as \`delayed_bed_days_per_day\`, a unit metric such as \`units.${names.units[0] ?? 'acute'}.p_wait\`, or one of the paths under \`optimise.decide\``,
      hint: suggestName(name, options),
    },
  );
  return null;
}

function readDecide(node: SNode | undefined, root: SMap, env: Env, diags: Diagnostics): Decision[] | null {
  if (!node || node.kind !== 'map' || node.entries.length === 0) {
    diags.error('wrong-type', node?.loc ?? root.loc, 'optimise.decide', node ? `found ${describeNode(node)}` : '`decide` is missing', {
      expected: 'a map of key path to `{ from, to, step }`',
      hint: 'e.g. `decide: { params.p2_beds: { from: 100, to: 220, step: 10 } }`',
    });
    return null;
  }
  const out: Decision[] = [];
  let ok = true;
  for (const e of node.entries) {
    const p = `optimise.decide.${e.key}`;
    if (e.value.kind !== 'map') {
      diags.error('wrong-type', e.value.loc, p, `found ${describeNode(e.value)}`, { expected: '`{ from: N, to: N, step: N }`' });
      ok = false;
      continue;
    }
    for (const k of e.value.entries) {
      if (!['from', 'to', 'step'].includes(k.key)) {
        diags.error('unknown-key', k.keyLoc, `${p}.${k.key}`, `unknown key \`${k.key}\``, {
          expected: '`from`, `to` and `step`',
          hint: suggestName(k.key, ['from', 'to', 'step']),
        });
        ok = false;
      }
    }
    if (!checkSetTarget(root, e.key, scalar('0', e.keyLoc), e.keyLoc, diags)) {
      ok = false;
      continue;
    }
    const num = (k: string) => readRequiredNumber(env, e.value, p, k, 'from, to and step of the range');
    const from = num('from'),
      to = num('to'),
      step = num('step');
    if (from === null || to === null || step === null) {
      ok = false;
      continue;
    }
    const stepNode = child(e.value, 'step')!,
      toNode = child(e.value, 'to')!;
    if (!(step > 0)) {
      diags.error('bad-range', stepNode.loc, `${p}.step`, `the step is ${step}`, { expected: 'a step above zero' });
      ok = false;
      continue;
    }
    if (to < from) {
      diags.error('empty-range', toNode.loc, `${p}.to`, `the range ${from} to ${to} is empty`, {
        expected: '`to` at least `from`',
        hint: `swap them: \`from: ${to}, to: ${from}\``,
      });
      ok = false;
      continue;
    }
    const count = Math.floor((to - from) / step + 1e-9) + 1;
    if (count > MAX_DECISION_POINTS) {
      diags.error('range-too-large', stepNode.loc, `${p}.step`, `the range has ${count} values`, {
        expected: `at most ${MAX_DECISION_POINTS}`,
        hint: 'use a larger step',
      });
      ok = false;
      continue;
    }
    out.push({ path: e.key, from, step, count });
  }
  return ok ? out : null;
}

function readObjective(section: SMap, names: Names, diags: Diagnostics): Objective | null {
  const min = child(section, 'minimise'),
    max = child(section, 'maximise');
  if (min && max) {
    diags.error('conflicting-keys', max.loc, 'optimise.maximise', 'both `minimise` and `maximise` are given', { expected: 'one of them' });
    return null;
  }
  const node = min ?? max;
  const sense = min ? 'minimise' : 'maximise';
  if (!node || node.kind !== 'scalar' || node.empty) {
    diags.error(
      'missing-key',
      node?.loc ?? section.loc,
      `optimise.${sense}`,
      node ? `found ${describeNode(node)}` : 'nothing to minimise',
      {
        expected: 'a KPI, a unit metric or an expression of them',
        hint: 'e.g. `minimise: cost_per_day`',
      },
    );
    return null;
  }
  const path = `optimise.${sense}`;
  const text = node.text;
  const refs: MetricRef[] = [];
  const ids: string[] = [];
  let ok = true;
  // Dotted names become plain identifiers for the expression reader.
  const plain = text.replace(DOTTED, (name, offset: number) => {
    const ref = resolveName(name, names, at(node.loc, offset), path, diags);
    if (!ref) {
      ok = false;
      return '0';
    }
    refs.push(ref);
    ids.push(`__m${refs.length - 1}`);
    return ids[ids.length - 1];
  });
  if (!ok) return null;
  try {
    parseExpr(plain);
  } catch (e) {
    const x = e as ExprError;
    diags.error(x.code ?? 'bad-expression', node.loc, path, x.message, { expected: x.expected, hint: x.hint });
    return null;
  }
  // Plain names: KPIs; anything else is reported with the names it could have been.
  const known = new Set(ids);
  for (const m of plain.matchAll(/(?<![\w.])[A-Za-z_][A-Za-z0-9_]*/g)) {
    const name = m[0];
    if (known.has(name) || ['min', 'max', 'round', 'floor', 'ceil', 'abs'].includes(name)) continue;
    if (text.slice(m.index + 1).startsWith('(')) continue;
    const ref = resolveName(name, names, node.loc, path, diags);
    if (!ref) {
      ok = false;
      continue;
    }
    refs.push(ref);
    ids.push(name);
    known.add(name);
  }
  if (!ok) return null;
  const scopeFor = (values: readonly number[]) => ({
    lookup: (n: string) => {
      const i = ids.indexOf(n);
      return i >= 0 ? qty(values[i]) : undefined;
    },
    names: () => ids,
  });
  try {
    const v = evaluate(plain, scopeFor(refs.map(() => 1)));
    if (v.k !== 'q' || v.t !== 0)
      throw new ExprError('wrong-type', 'the objective is not a plain number', 'an expression of KPIs and metrics without time units');
  } catch (e) {
    const x = e as ExprError;
    diags.error(x.code ?? 'bad-expression', node.loc, path, x.message, { expected: x.expected, hint: x.hint });
    return null;
  }
  const value = (values: readonly number[]) => {
    if (values.some((v) => !Number.isFinite(v))) return NaN;
    const v = evaluate(plain, scopeFor(values));
    return v.k === 'q' ? v.n : NaN;
  };
  return { text, sense, refs, value };
}

// ≤ and ≥ as escapes: the bundler keeps a regular expression's characters as they are, and one
// beyond ASCII makes Node decode and V8 hold the whole compiler bundle as two-byte text.
const CONSTRAINT = /^(.*?)(<=|>=|=<|=>|==|<|>|=|\u2264|\u2265)(.*)$/;

function readConstraints(node: SNode | undefined, names: Names, env: Env, diags: Diagnostics): Constraint[] | null {
  if (!node || (node.kind === 'scalar' && node.empty)) return [];
  const items = node.kind === 'seq' ? node.items : [node];
  const out: Constraint[] = [];
  let ok = true;
  items.forEach((it, i) => {
    const path = `optimise.subject_to[${i}]`;
    if (it.kind !== 'scalar') {
      diags.error('wrong-type', it.loc, path, `found ${describeNode(it)}`, {
        expected: 'a target such as `delayed_bed_days_per_day <= 150`',
      });
      ok = false;
      return;
    }
    const m = CONSTRAINT.exec(it.text);
    if (!m) {
      diags.error('bad-constraint', it.loc, path, `\`${it.text}\` has no comparison`, {
        expected: '`<name> <= <value>` or `<name> >= <value>`',
      });
      ok = false;
      return;
    }
    const name = m[1].trim(),
      op = m[2],
      rhs = m[3];
    const opLoc = at(it.loc, m[1].length);
    if (op !== '<=' && op !== '>=') {
      const fix = op === '<' || op === '=<' || op === '≤' ? '<=' : op === '>' || op === '=>' || op === '≥' ? '>=' : '<= or >=';
      diags.error('bad-operator', opLoc, path, `\`${op}\` cannot state a target`, {
        expected: '`<=` or `>=`',
        hint: `write \`${fix}\`: a target is met on a bound, never exactly`,
      });
      resolveName(name, names, it.loc, path, diags); // its name may be wrong too: say so now
      ok = false;
      return;
    }
    const ref = resolveName(name, names, it.loc, path, diags);
    if (!ref) {
      ok = false;
      return;
    }
    if (ref.kind === 'decision') {
      diags.error('bad-constraint', it.loc, path, `\`${name}\` is a decision variable, not a result`, {
        expected: 'a KPI or a unit metric',
        hint: 'narrow its range under `optimise.decide` instead',
      });
      ok = false;
      return;
    }
    const rhsNode = scalar(rhs.trim(), at(it.loc, m[1].length + op.length + (rhs.length - rhs.trimStart().length)));
    const target = readNumber(env, rhsNode, path, 'number');
    if (target === null) {
      ok = false;
      return;
    }
    out.push({ text: it.text.trim(), name, ref, op, target });
  });
  return ok ? out : null;
}

/** The compiled section, or null after reporting; undefined when the scenario has none. */
export function compileOptimise(root: SMap, env: Env, diags: Diagnostics): OptimiseSpec | null | undefined {
  const section = child(root, 'optimise');
  if (!section || (section.kind === 'scalar' && section.empty)) return undefined;
  if (section.kind !== 'map') {
    diags.error('wrong-type', section.loc, 'optimise', `found ${describeNode(section)}`, {
      expected: 'a map with `decide`, `minimise` and `subject_to`',
    });
    return null;
  }
  // Unknown keys of the section are reported by the key table's check (keys.ts).
  const unitsNode = child(root, 'units');
  const units = unitsNode?.kind === 'map' ? unitsNode.entries.map((e) => e.key) : [];
  const decide = readDecide(child(section, 'decide'), root, env, diags);
  const decideNode = child(section, 'decide');
  const declared = decideNode?.kind === 'map' ? decideNode.entries.map((e) => e.key) : [];
  const names: Names = { units, decide: decide ?? [], declared };
  const objective = readObjective(section, names, diags);
  const constraints = readConstraints(child(section, 'subject_to'), names, env, diags);
  const confNode = child(section, 'confidence');
  const confidence = confNode ? readNumber(env, confNode, 'optimise.confidence', 'probability') : 0.95;
  if (confNode && confidence !== null && !(confidence >= 0.5 && confidence < 1)) {
    diags.error('bad-value', confNode.loc, 'optimise.confidence', `the confidence is ${confidence}`, {
      expected: 'a level from 50% to below 100%',
      hint: 'e.g. `95%`',
    });
    return null;
  }
  const indNode = child(section, 'indifference');
  const indifference = indNode ? readNumber(env, indNode, 'optimise.indifference', 'number') : null;
  if (indNode && indifference !== null && !(indifference > 0)) {
    diags.error('bad-value', indNode.loc, 'optimise.indifference', `the indifference zone is ${indifference}`, {
      expected: "a difference above zero, in the objective's units",
    });
    return null;
  }
  if (!decide || !objective || !constraints || confidence === null || (indNode && indifference === null)) return null;
  return { decide, objective, constraints, confidence, indifference };
}
