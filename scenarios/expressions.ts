/**
 * Scenario expressions: parsed by a minimal mathjs instance (parse only), then walked
 * here with an allow-list. Nothing from the scenario ever reaches mathjs's evaluator,
 * so there is no assignment, function definition, import, property or index access:
 * a hostile expression can only fail with a clear message.
 * Each distinct text is parsed once and cached.
 */
import {
  create,
  factory,
  createAccessorNode,
  createArrayNode,
  createAssignmentNode,
  createBlockNode,
  createConditionalNode,
  createConstantNode,
  createFunctionAssignmentNode,
  createFunctionNode,
  createIndexNode,
  createIsBounded,
  createNode,
  createNumber,
  createNumeric,
  createObjectNode,
  createOperatorNode,
  createParenthesisNode,
  createParse,
  createRangeNode,
  createRelationalNode,
  createResultSet,
  createSymbolNode,
  createTyped,
} from 'mathjs';
import type { MathNode, FactoryFunctionMap } from 'mathjs';
import { suggestName } from './suggest.js';
import { TIME_UNITS, qty, describeValue, type Value, type Qty } from './quantity.js';

/** A stand-in for a function only mathjs's own evaluator calls: it fails if anything ever does. */
function neverEvaluated(name: string) {
  return factory(name, [], () => () => {
    throw new Error('scenario expressions are never evaluated by mathjs');
  });
}

/**
 * PERF: the parser and its node classes, named one by one, without what only mathjs's own
 * evaluator uses. `parseDependencies` would bring the Unit class (for a SymbolNode, to
 * evaluate `5 cm`) with the arithmetic it needs, `subset` and `size` with the matrix types
 * (for accessor, assignment and index nodes), and BigNumber, Complex and Fraction (for the
 * number modes other than plain numbers): building those typed functions was 60-110 ms of
 * every command's start-up, and their code two thirds of the compiler's bundle, loaded by
 * every command that reads a scenario. The parsed trees are the same (a test holds them to
 * a full mathjs instance's); `subset` and `size` are stand-ins that fail if anything ever
 * evaluates through them.
 */
const parserOnly: FactoryFunctionMap = {
  createTyped,
  createNumber,
  createNumeric,
  createIsBounded,
  createParse,
  createNode,
  createConstantNode,
  createSymbolNode,
  createOperatorNode,
  createParenthesisNode,
  createFunctionNode,
  createArrayNode,
  createAccessorNode,
  createAssignmentNode,
  createBlockNode,
  createResultSet,
  createConditionalNode,
  createFunctionAssignmentNode,
  createIndexNode,
  createObjectNode,
  createRangeNode,
  createRelationalNode,
  createSubset: neverEvaluated('subset'),
  createSize: neverEvaluated('size'),
};

const math = create(parserOnly);

export const MAX_EXPR_LENGTH = 2000;
export const MAX_EXPR_NODES = 1200;
export const MAX_LIST = 1000;

export const DIST_FUNCTIONS = ['exponential', 'lognormal', 'gamma', 'erlang', 'weibull', 'uniform', 'triangular', 'fixed', 'empirical'];
export const MATH_FUNCTIONS = ['min', 'max', 'round', 'floor', 'ceil', 'abs'];

/** A problem in one expression; `offset` is a character index into the text when known. */
export class ExprError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly expected?: string,
    readonly hint?: string,
    readonly offset?: number,
  ) {
    super(message);
  }
}

export interface Scope {
  /** Value of a declared name (a param), or undefined when no such name exists. */
  lookup(name: string): Value | undefined;
  /** Names a planner may have meant, for "did you mean". */
  names(): string[];
}

const cache = new Map<string, MathNode | ExprError>();

export function parseExpr(text: string): MathNode {
  const hit = cache.get(text);
  if (hit instanceof ExprError) throw hit;
  if (hit) return hit;
  let out: MathNode | ExprError;
  if (text.length > MAX_EXPR_LENGTH) {
    out = new ExprError('expression-too-long', `the expression has ${text.length} characters`, `at most ${MAX_EXPR_LENGTH}`);
  } else {
    try {
      out = math.parse(text);
      let count = 0;
      out.traverse(() => {
        count++;
      });
      if (count > MAX_EXPR_NODES)
        out = new ExprError('expression-too-long', `the expression has ${count} parts`, `at most ${MAX_EXPR_NODES}`);
    } catch (e) {
      const err = e as Error & { char?: number };
      const msg = err.message.replace(/\s*\(char \d+\)$/, '');
      out = new ExprError(
        'bad-expression',
        `cannot read \`${text}\`: ${msg}`,
        'an expression such as `9.1 days`, `320/day`, `35%` or `lognormal(6 days, 7 days)`',
        undefined,
        typeof err.char === 'number' ? Math.max(0, err.char - 1) : undefined,
      );
    }
  }
  if (cache.size > 5000) cache.clear();
  cache.set(text, out);
  if (out instanceof ExprError) throw out;
  return out;
}

export function evaluate(text: string, scope: Scope): Value {
  return walk(parseExpr(text), scope);
}

function num(v: Value, what: string): Qty {
  if (v.k !== 'q') throw new ExprError('wrong-type', `${what} got ${describeValue(v)}`, 'a number or quantity');
  return v;
}

function finite(q: Qty): Qty {
  if (!Number.isFinite(q.n))
    throw new ExprError('not-finite', 'the value is not a finite number (too large, or a division by zero)', 'a finite number');
  return q;
}

function same(a: Qty, b: Qty, op: string): void {
  if (a.t !== b.t) {
    throw new ExprError(
      'wrong-dimension',
      `cannot ${op} ${describeValue(a)} and ${describeValue(b)}`,
      'both sides of the same kind',
      'add a unit to the plain number, e.g. `2 days + 6 hours`',
    );
  }
}

function walk(node: MathNode, scope: Scope): Value {
  const n = node as MathNode & Record<string, unknown>;
  switch (node.type) {
    case 'ConstantNode': {
      const v = n.value;
      if (typeof v !== 'number')
        throw new ExprError('wrong-type', `\`${String(v)}\` is not a number`, 'a number, a quantity or a distribution');
      return finite(qty(v));
    }
    case 'ParenthesisNode':
      return walk(n.content as MathNode, scope);
    case 'SymbolNode':
      return symbol(n.name as string, scope);
    case 'OperatorNode':
      return operator(
        n.fn as string,
        n.op as string,
        (n.args as MathNode[]).map((a) => walk(a, scope)),
      );
    case 'FunctionNode':
      return call(n, scope);
    case 'ArrayNode': {
      const items = n.items as MathNode[];
      if (items.length > MAX_LIST) throw new ExprError('list-too-long', `the list has ${items.length} values`, `at most ${MAX_LIST}`);
      return {
        k: 'list',
        items: items.map((it) => {
          const v = walk(it, scope);
          if (v.k !== 'q') throw new ExprError('wrong-type', `a list holds ${describeValue(v)}`, 'a list of numbers or quantities');
          return v;
        }),
      };
    }
    default:
      throw new ExprError(
        'forbidden-expression',
        `\`${node.toString()}\` uses ${describeNodeType(node.type)}, which scenarios do not allow`,
        'numbers, units, names of params, + - * / ^, and the functions ' + [...DIST_FUNCTIONS, ...MATH_FUNCTIONS].join(', '),
      );
  }
}

function describeNodeType(type: string): string {
  switch (type) {
    case 'AssignmentNode':
      return 'assignment';
    case 'FunctionAssignmentNode':
      return 'a function definition';
    case 'AccessorNode':
      return 'property or index access';
    case 'IndexNode':
      return 'indexing';
    case 'ObjectNode':
      return 'an object';
    case 'ConditionalNode':
      return 'a condition';
    case 'RangeNode':
      return 'a range';
    case 'BlockNode':
      return 'several statements';
    case 'RelationalNode':
      return 'a comparison';
    default:
      return `a ${type}`;
  }
}

function symbol(name: string, scope: Scope): Value {
  const v = scope.lookup(name);
  if (v) return v;
  const unit = TIME_UNITS[name];
  if (unit !== undefined) return qty(unit, 1);
  if (name === 'Infinity' || name === 'NaN')
    throw new ExprError('not-finite', `\`${name}\` is not a finite number`, 'a finite number', 'use `unlimited` where a key allows it');
  throw new ExprError(
    'unknown-name',
    `unknown name \`${name}\``,
    'a unit (minutes, hours, days, weeks, months, years) or a name declared in `params`',
    suggestName(name, [...scope.names(), ...Object.keys(TIME_UNITS)]),
  );
}

function operator(fn: string, op: string, args: Value[]): Value {
  if (fn === 'unaryMinus' || fn === 'unaryPlus') {
    const a = num(args[0], op);
    return fn === 'unaryMinus' ? qty(-a.n, a.t) : a;
  }
  if (args.length !== 2) throw new ExprError('forbidden-expression', `the operator \`${op}\` is not allowed`, 'one of + - * / ^');
  const a = num(args[0], `\`${op}\``),
    b = num(args[1], `\`${op}\``);
  switch (fn) {
    case 'add':
      same(a, b, 'add');
      return finite(qty(a.n + b.n, a.t));
    case 'subtract':
      same(a, b, 'subtract');
      return finite(qty(a.n - b.n, a.t));
    case 'multiply':
      return finite(qty(a.n * b.n, a.t + b.t));
    case 'divide':
      return finite(qty(a.n / b.n, a.t - b.t));
    case 'pow':
      if (b.t !== 0 || (a.t !== 0 && !Number.isInteger(b.n)))
        throw new ExprError('wrong-dimension', 'a power needs a plain number as exponent', 'a plain number');
      return finite(qty(Math.pow(a.n, b.n), a.t * b.n));
    default:
      throw new ExprError('forbidden-expression', `the operator \`${op}\` is not allowed`, 'one of + - * / ^ and %');
  }
}

function call(n: MathNode & Record<string, unknown>, scope: Scope): Value {
  const fnNode = n.fn as MathNode & { name?: string };
  const name = fnNode.type === 'SymbolNode' ? (fnNode.name ?? '') : '';
  if (!DIST_FUNCTIONS.includes(name) && !MATH_FUNCTIONS.includes(name)) {
    throw new ExprError(
      'unknown-function',
      `unknown function \`${name || fnNode.toString()}\``,
      'one of ' + [...DIST_FUNCTIONS, ...MATH_FUNCTIONS].join(', '),
      suggestName(name, [...DIST_FUNCTIONS, ...MATH_FUNCTIONS]),
    );
  }
  const args = (n.args as MathNode[]).map((a) => walk(a, scope));
  if (DIST_FUNCTIONS.includes(name)) return { k: 'dist', name, args };
  const qs = args.map((a) => num(a, `\`${name}\``));
  if (qs.length === 0) throw new ExprError('wrong-arguments', `\`${name}\` needs at least one argument`, `${name}(x)`);
  if (name === 'min' || name === 'max') {
    for (const q of qs) same(qs[0], q, `compare in ${name}`);
    return qty(
      qs.reduce((m, q) => (name === 'min' ? Math.min(m, q.n) : Math.max(m, q.n)), qs[0].n),
      qs[0].t,
    );
  }
  if (qs.length !== 1) throw new ExprError('wrong-arguments', `\`${name}\` takes one argument`, `${name}(x)`);
  const f = { round: Math.round, floor: Math.floor, ceil: Math.ceil, abs: Math.abs }[name as 'round'];
  return qty(f(qs[0].n), qs[0].t);
}

export { distance, closest, suggestName } from './suggest.js';
