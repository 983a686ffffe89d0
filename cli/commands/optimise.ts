/**
 * `caresim optimise FILE`: the adaptive search and the clean-up on the worker pool, the
 * optimisation file, and a short summary: the statement, the chosen plan against each target,
 * and the strategy block to paste. Exit 0 with a plan, 1 when no plan was shown feasible (the
 * file still lists the closest), 2 for bad input, 130 when interrupted (`--resume` continues).
 */
import { existsSync, rmSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import type { OptimiseArgs } from '../parse.js';
import { EXIT, type Io } from '../io.js';
import { CliUsageError, printDiagnostics, reportError } from '../failure.js';
import { progressView } from '../progress.js';
import { baseInputs, checkDistinctPaths, checkFileOutputs, checkJournalPath } from '../output-paths.js';
import { acquireLock, fileIdentity, makeFolderFor, writeFileAtomic } from '../../runner/index.js';
import type { OptimiseFile } from '../../optimise/index.js';
import type { CompiledScenarioWithWarnings } from '../../scenarios/index.js';

const num = (v: number) => (Math.abs(v) >= 100 ? Math.round(v).toLocaleString('en-GB') : Number(v.toPrecision(3)).toString());

export function formatOptimise(f: OptimiseFile): string {
  const lines = [f.statement, ''];
  const e = f.evidence;
  lines.push(
    `${e.replications.toLocaleString('en-GB')} replications over ${e.visited} of ${e.grid_points.toLocaleString('en-GB')} plans (budget ${e.budget.toLocaleString('en-GB')}).`,
  );
  const show = (label: string, p: OptimiseFile['chosen']) => {
    if (!p) return;
    lines.push(
      `${label}: ${Object.entries(p.values)
        .map(([k, v]) => `${k} = ${v}`)
        .join(', ')}`,
    );
    lines.push(
      `  ${f.objective.text}: ${num(p.objective.mean)} (95% CI ${num(p.objective.ci95[0])} to ${num(p.objective.ci95[1])}), ${p.replications} replications`,
    );
    for (const t of p.targets) lines.push(`  ${t.met ? 'meets' : 'not shown'} ${t.text}: mean ${num(t.mean)}, bound ${num(t.bound)}`);
  };
  show('Chosen plan', f.chosen);
  f.runners_up.slice(0, 3).forEach((p, i) => show(`Runner-up ${i + 1}`, p));
  f.closest.forEach((p, i) => show(`Closest ${i + 1}`, p));
  for (const u of f.unmet)
    lines.push(
      `No plan met \`${u.text}\` even on its mean: the best was ${num(u.best)} at ${Object.entries(u.at)
        .map(([k, v]) => `${k} = ${v}`)
        .join(', ')}.`,
    );
  if (f.strategy_yaml) lines.push('', 'Paste into the scenario to run it as a strategy:', '', f.strategy_yaml);
  return `${lines.join('\n').trimEnd()}\n`;
}

export async function optimiseCommand(args: OptimiseArgs, io: Io): Promise<number> {
  try {
    if (!existsSync(args.file)) throw new CliUsageError(`${args.file}: no such file`);
    const outputs: [string, string | undefined, string][] = [
      ['--out', args.out, 'opt.json'],
      ['--report', args.report, 'opt.html'],
      ['--journal', args.journal, 'opt.journal.ndjson'],
    ];
    checkFileOutputs([['the scenario', args.file]], outputs);
    const { loadScenario } = await import('../../scenarios/index.js');
    const loaded = loadScenario(args.file, { set: args.set });
    checkDistinctPaths(baseInputs(loaded), outputs);
    if (!loaded.optimise)
      throw new CliUsageError(
        `${args.file} has no \`optimise:\` section: add one with \`decide\`, \`minimise\` and \`subject_to\` (see \`caresim help scenario optimise\`)`,
      );
    if (loaded.warnings.length > 0) await printDiagnostics(loaded.warnings, io, args.set);
    const journal =
      args.journal ??
      (args.out
        ? `${args.out}.journal.ndjson`
        : join('.caresim', `${basename(args.file, extname(args.file))}-${loaded.hash.slice(0, 8)}.optimise.ndjson`));
    // The default journal is beside --out: no output may be it, nor its lock, and the lock's name must fit.
    checkJournalPath(
      journal,
      [
        ['--out', args.out],
        ['--report', args.report],
      ],
      args.journal !== undefined,
    );
    makeFolderFor(journal);
    // One search per journal, held until the outputs are written and the journal deleted: a
    // second search on the same journal would interleave its measurements with this one's.
    const lock = acquireLock(fileIdentity(journal), (m) => io.err(`caresim: ${m}\n`));
    try {
      return await searchAndWrite(args, io, loaded, journal);
    } finally {
      lock.release();
    }
  } catch (err) {
    return reportError(err, io, args.set);
  }
}

/** The search on a locked journal, then the outputs; the journal is deleted once they are written. */
async function searchAndWrite(args: OptimiseArgs, io: Io, loaded: CompiledScenarioWithWarnings, journal: string): Promise<number> {
  if (args.resume && !existsSync(journal)) io.err(`caresim: no journal at ${journal}; starting from the beginning\n`);
  const { runOptimise } = await import('../../optimise/index.js');
  const view = progressView(io, args.quiet);
  let file: OptimiseFile;
  try {
    file = await runOptimise(loaded, {
      seed: args.seed,
      budget: args.budget,
      workers: args.workers,
      journal,
      resume: args.resume,
      fresh: args.fresh,
      keepJournal: true,
      journalLocked: true,
      signal: io.signal,
      onProgress: (p) => view.update(p),
    });
  } catch (err) {
    if ((err as Error).message === 'interrupted') {
      io.err(`caresim: interrupted; the measurements so far are kept in ${journal}. Continue with the same command and --resume.\n`);
      return EXIT.interrupted;
    }
    throw err;
  } finally {
    view.stop();
  }
  try {
    if (args.out) writeFileAtomic(args.out, `${JSON.stringify(file, null, 1)}\n`, '--out', 'opt.json');
    if (args.report) {
      const { optimiseHtml } = await import('../../viz/index.js');
      writeFileAtomic(args.report, optimiseHtml(file, loaded.name), '--report', 'opt.html');
    }
  } catch (err) {
    // The measurements stay in the journal until the outputs are written: a failed write loses no search.
    const why = err instanceof Error ? err.message : String(err);
    throw new Error(`${why}; the measurements are kept in ${journal}: continue with the same command and --resume`, { cause: err });
  }
  rmSync(journal, { force: true });
  if (!args.quiet) io.out(formatOptimise(file));
  const written = [args.out, args.report].filter(Boolean);
  if (written.length > 0 && !args.quiet) io.err(`wrote ${written.join(', ')}\n`);
  return file.status === 'found' ? EXIT.ok : EXIT.failed;
}
