/**
 * Argument parsing: argv in, a typed command (or help text, or a usage error) out. Pure:
 * yargs is given a parse callback, so it neither prints nor exits; cli/main.ts decides
 * what to write and which exit code to set.
 */
import { AUTO_MIN, BOOTSTRAP_WHY, MAX_BOOTSTRAP, MAX_REPLICATIONS, MAX_REPS_WHY, MIN_MEMORY_MB } from '../engine/index.js';
import yargs from 'yargs';
import type { Argv } from 'yargs';
import { COMMANDS, type CommandSpec } from './options.js';
import type { Adjust } from './adjust.js';
import { UsageError, varyList, workerCount, str, wholeNumber, reps, seed, setList, adjustOf, onlyList } from './option-values.js';

export interface RunArgs {
  cmd: 'run';
  file: string;
  reps?: number | 'auto';
  maxReps?: number;
  seed?: number | string;
  workers?: number;
  out?: string;
  csv?: string;
  xlsx?: string;
  perRep: boolean;
  report?: string;
  /** Files the report carries (viz/attachment-file.ts). */
  optimise?: string;
  sensitivity?: string;
  set: string[];
  /** Strategies to run besides the baseline; undefined = all. */
  only?: string[];
  /** Intervals the verdicts use (results/appraisal/comparisons.ts); default none. */
  adjust?: Adjust;
  shard?: string;
  shards?: number;
  resume: boolean;
  fresh: boolean;
  journal?: string;
  maxMemory?: number;
  quiet: boolean;
}

export interface FitArgs {
  cmd: 'fit';
  files: string[];
  out?: string;
  report?: string;
  col: string[];
  end?: string;
  seed: string;
  bootstrap: number;
  quiet: boolean;
}

export interface OptimiseArgs {
  cmd: 'optimise';
  file: string;
  out?: string;
  report?: string;
  budget?: number;
  seed?: number | string;
  workers?: number;
  set: string[];
  resume: boolean;
  fresh: boolean;
  journal?: string;
  quiet: boolean;
}

export interface SensitivityArgs {
  cmd: 'sensitivity';
  file: string;
  out?: string;
  report?: string;
  vary: { param: string; share: number }[];
  reps?: number;
  seed?: number | string;
  workers?: number;
  set: string[];
  resume: boolean;
  fresh: boolean;
  journal?: string;
  quiet: boolean;
}

export type Command =
  | RunArgs
  | { cmd: 'check'; file: string; set: string[] }
  | { cmd: 'merge'; files: string[]; out?: string; csv?: string; xlsx?: string; perRep: boolean; quiet: boolean; adjust: Adjust }
  | { cmd: 'diff'; a: string; b: string; out?: string; csv?: string; quiet: boolean }
  | {
      cmd: 'compare';
      results: string;
      observed: string;
      strategy?: string;
      out?: string;
      report?: string;
      failOnMismatch: boolean;
      quiet: boolean;
    }
  | { cmd: 'init'; dir: string; force: boolean }
  | { cmd: 'schema'; out?: string }
  | { cmd: 'help'; topic?: string; key?: string }
  | { cmd: 'report'; results: string; out?: string; csv?: string; xlsx?: string; optimise?: string; sensitivity?: string }
  | { cmd: 'view'; file?: string; port?: number; open: boolean }
  | FitArgs
  | OptimiseArgs
  | SensitivityArgs
  | { cmd: 'bench'; args: string[] }
  | { cmd: 'start'; workers?: number };

export type Parsed =
  | { kind: 'command'; command: Command }
  /** --help, --version: text for stdout, exit 0. */
  | { kind: 'text'; text: string }
  /** Bad usage: message and help for stderr, exit 2. */
  | { kind: 'usage'; message: string; help: string };

function declare(y: Argv, spec: CommandSpec): Argv {
  for (const p of spec.positionals) y.positional(p.name, { type: 'string', describe: p.describe, array: p.array });
  for (const o of spec.options) {
    y.option(o.name, {
      type: o.type === 'array' ? 'string' : o.type,
      array: o.type === 'array' || undefined,
      alias: o.alias,
      default: o.default,
      describe: o.describe,
      requiresArg: o.type !== 'boolean',
    });
  }
  for (const [cmd, what] of spec.examples) y.example(cmd, what);
  return y;
}

function parser(version: string): Argv {
  let y = yargs([])
    .scriptName('caresim')
    .locale('en')
    .wrap(100)
    .strict()
    .usage('caresim <command> [options]\n\nDiscrete-event simulation of integrated care: UCR, ED, acute beds and discharge pathways.')
    .demandCommand(1, 'Give a command, e.g. caresim run scenario.yaml')
    .recommendCommands()
    .help()
    .alias('help', 'h')
    .version(version)
    .exitProcess(false);
  for (const spec of COMMANDS) y = y.command(spec.usage, spec.describe, (b) => declare(b, spec));
  skipHelpCache(y);
  return y;
}

/** The part of yargs's internals `skipHelpCache` reaches (not in its published types). */
interface WithUsage {
  getInternalMethods?: () => { getUsageInstance?: () => { cacheHelpMessage?: () => void } };
}

/**
 * PERF: before it runs a command, yargs renders the command's whole help text and keeps it,
 * in case the command's handler asks for it later: about 75 ms of every command's start-up.
 * Ours never does (the command runs after parsing, and its usage errors carry no help), and
 * bad usage found while parsing renders its help afresh, so the text is never read.
 */
export function skipHelpCache(y: Argv): void {
  const usage = (y as unknown as WithUsage).getInternalMethods?.().getUsageInstance?.();
  if (usage && typeof usage.cacheHelpMessage === 'function') usage.cacheHelpMessage = () => undefined;
}

/**
 * The text given to each number option, as typed: yargs turns `--port abc` into NaN before
 * our checks see it, and a message must quote what the user wrote. Last one wins, as in
 * lastWins; forms: `--name V`, `--name=V`, `-a V`, `-a=V` (name or alias).
 */
function numberTexts(argv: readonly string[]): Map<string, string> {
  const spec = COMMANDS.find((c) => c.name === argv[0]);
  const texts = new Map<string, string>();
  const end = argv.indexOf('--');
  const args = end < 0 ? argv : argv.slice(0, end);
  for (const o of spec?.options ?? []) {
    if (o.type !== 'number') continue;
    const flags = [o.name, o.alias].filter((f): f is string => f !== undefined).map((f) => (f.length === 1 ? `-${f}` : `--${f}`));
    args.forEach((arg, i) => {
      for (const f of flags) {
        if (arg === f && i + 1 < args.length) texts.set(o.name, args[i + 1]);
        else if (arg.startsWith(`${f}=`)) texts.set(o.name, arg.slice(f.length + 1));
      }
    });
  }
  return texts;
}

/** A repeated single-valued option keeps its last value, as in most command lines. */
function lastWins(raw: Record<string, unknown>): Record<string, unknown> {
  const spec = COMMANDS.find((c) => c.name === String((raw._ as unknown[])[0]));
  const out = { ...raw };
  for (const o of spec?.options ?? []) {
    for (const key of [o.name, o.alias]) {
      if (key && o.type !== 'array' && Array.isArray(out[key])) out[key] = (out[key] as unknown[]).at(-1);
    }
  }
  return out;
}

function toCommand(raw: Record<string, unknown>): Command {
  const a = lastWins(raw);
  const name = String((a._ as unknown[])[0]);
  switch (name) {
    case 'run':
      return {
        cmd: 'run',
        file: String(a.file),
        reps: reps(a.reps),
        maxReps: wholeNumber(a['max-reps'], 'max-reps', AUTO_MIN, MAX_REPLICATIONS, MAX_REPS_WHY),
        seed: seed(a.seed),
        workers: workerCount(a.workers),
        out: str(a.out),
        csv: str(a.csv),
        xlsx: str(a.xlsx),
        perRep: Boolean(a['per-rep']),
        report: str(a.report),
        optimise: str(a.optimise),
        sensitivity: str(a.sensitivity),
        set: setList(a.set),
        only: onlyList(a.only),
        adjust: adjustOf(a.adjust),
        shard: str(a.shard),
        shards: wholeNumber(a.shards, 'shards', 1),
        resume: Boolean(a.resume),
        fresh: Boolean(a.fresh),
        journal: str(a.journal),
        maxMemory: wholeNumber(a['max-memory'], 'max-memory', MIN_MEMORY_MB),
        quiet: Boolean(a.quiet),
      };
    case 'check':
      return { cmd: 'check', file: String(a.file), set: setList(a.set) };
    case 'sensitivity':
      return {
        cmd: 'sensitivity',
        file: String(a.file),
        out: str(a.out),
        report: str(a.report),
        vary: varyList(a.vary),
        reps: wholeNumber(a.reps, 'reps', 3, MAX_REPLICATIONS),
        seed: seed(a.seed),
        workers: workerCount(a.workers),
        set: setList(a.set),
        resume: Boolean(a.resume),
        fresh: Boolean(a.fresh),
        journal: str(a.journal),
        quiet: Boolean(a.quiet),
      };
    case 'optimise':
      return {
        cmd: 'optimise',
        file: String(a.file),
        out: str(a.out),
        report: str(a.report),
        budget: wholeNumber(a.budget, 'budget', 20, 10_000_000),
        seed: seed(a.seed),
        workers: workerCount(a.workers),
        set: setList(a.set),
        resume: Boolean(a.resume),
        fresh: Boolean(a.fresh),
        journal: str(a.journal),
        quiet: Boolean(a.quiet),
      };
    case 'merge':
      return {
        cmd: 'merge',
        files: (a.shards as unknown[]).map(String),
        out: str(a.out),
        csv: str(a.csv),
        xlsx: str(a.xlsx),
        perRep: Boolean(a['per-rep']),
        quiet: Boolean(a.quiet),
        adjust: adjustOf(a.adjust),
      };
    case 'diff':
      return { cmd: 'diff', a: String(a.a), b: String(a.b), out: str(a.out), csv: str(a.csv), quiet: Boolean(a.quiet) };
    case 'compare':
      return {
        cmd: 'compare',
        results: String(a.results),
        observed: String(a.observed),
        strategy: str(a.strategy),
        out: str(a.out),
        report: str(a.report),
        failOnMismatch: Boolean(a['fail-on-mismatch']),
        quiet: Boolean(a.quiet),
      };
    case 'init':
      return { cmd: 'init', dir: str(a.dir) ?? '.', force: Boolean(a.force) };
    case 'schema':
      return { cmd: 'schema', out: str(a.out) };
    case 'help':
      return { cmd: 'help', topic: str(a.topic), key: str(a.key) };
    case 'report':
      return {
        cmd: 'report',
        results: String(a.results),
        // Only exports asked for: no HTML unless --out is given too.
        out: str(a.out) ?? (a.csv === undefined && a.xlsx === undefined ? 'report.html' : undefined),
        csv: str(a.csv),
        xlsx: str(a.xlsx),
        optimise: str(a.optimise),
        sensitivity: str(a.sensitivity),
      };
    case 'view':
      return {
        cmd: 'view',
        file: str(a.file),
        port: wholeNumber(a.port, 'port', 0, 65535, ' (0 = any free port)'),
        open: a.open !== false,
      };
    case 'fit':
      return {
        cmd: 'fit',
        files: (a.files as unknown[]).map(String),
        out: str(a.out),
        report: str(a.report),
        col: (Array.isArray(a.col) ? a.col : [a.col]).filter((x) => x !== undefined && x !== null).map(String),
        end: str(a.end),
        seed: str(a.seed) ?? '1',
        bootstrap: wholeNumber(a.bootstrap, 'bootstrap', 0, MAX_BOOTSTRAP, BOOTSTRAP_WHY) ?? 99,
        quiet: Boolean(a.quiet),
      };
    case 'bench':
      return { cmd: 'bench', args: ((a.args as unknown[] | undefined) ?? []).map(String) };
    case 'start':
      return { cmd: 'start', workers: wholeNumber(a.workers, 'workers', 0) };
    default:
      throw new UsageError(`unknown command "${name}"`);
  }
}

/** Parses the arguments after `caresim` (process.argv.slice(2)). */
export function parseArgs(argv: readonly string[], version = '0.0.0'): Promise<Parsed> {
  const y = parser(version);
  return new Promise((resolve) => {
    void y.parse([...argv], {}, (err, a, output) => {
      if (err) return resolve({ kind: 'usage', message: err.message, help: output.replace(/\n*[^\n]*$/, '').trimEnd() });
      if (output) return resolve({ kind: 'text', text: output });
      try {
        // The number options as typed (what yargs made of them is NaN for text).
        for (const [name, text] of numberTexts(argv)) if (name in a) a[name] = text;
        resolve({ kind: 'command', command: toCommand(a) });
      } catch (e) {
        if (!(e instanceof UsageError)) throw e;
        resolve({ kind: 'usage', message: e.message, help: '' });
      }
    });
  });
}
