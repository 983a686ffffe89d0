/**
 * `caresim compare RESULTS OBSERVED`: is the baseline right? Exit 2 when the files do not
 * fit together (every problem listed); 0 when they do, whatever the verdicts, because a
 * bad fit is a finding, not a usage error; 1 with --fail-on-mismatch when a series does not match.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { compareFiles, CompareMismatch, decodeObserved, formatComparison } from '../../compare/index.js';
import { writeFileAtomic } from '../../runner/index.js';
import { EXIT, type Io } from '../io.js';
import { reportError } from '../failure.js';
import { checkFileOutputs } from '../output-paths.js';

export interface CompareArgs {
  results: string;
  observed: string;
  strategy?: string;
  out?: string;
  report?: string;
  failOnMismatch: boolean;
  quiet: boolean;
}

const SHOWN = 50;

/** A file the user named that cannot be written: their path to fix, so exit 2. */
class OutputError extends Error {}

const REASONS: Record<string, string> = {
  ENOTDIR: 'a part of the path is a file, not a folder',
  EEXIST: 'a part of the path is a file, not a folder',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EROFS: 'the file system is read-only',
  ENOSPC: 'the disk is full',
};

function write(flag: string, file: string, text: string, example: string): void {
  try {
    writeFileAtomic(file, text, flag, example);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    // The output check that every command shares has already said what is wrong, naming the option.
    if (code === 'OUTPUT_INVALID') throw new OutputError((e as Error).message);
    if (typeof code !== 'string') throw e;
    const why = REASONS[code] ?? (e as Error).message;
    throw new OutputError(`cannot write ${flag} ${file}: ${why} (choose a path in a folder you can write to)`);
  }
}

/** Checked before anything is written, as every command checks its outputs: not a folder, not an input, not each other. */
function checkOutputs(args: CompareArgs): string | null {
  try {
    checkFileOutputs(
      [
        ['the results file', args.results],
        ['the observed file', args.observed],
      ],
      [
        ['--out', args.out, 'compare.json'],
        ['--report', args.report, 'compare.html'],
      ],
    );
    return null;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'OUTPUT_INVALID') return (e as Error).message;
    throw e;
  }
}

export async function compareCommand(args: CompareArgs, io: Io): Promise<number> {
  try {
    for (const f of [args.results, args.observed]) {
      if (!existsSync(f)) {
        io.err(`caresim: ${f}: no such file\n`);
        return EXIT.usage;
      }
      if (statSync(f).isDirectory()) {
        io.err(`caresim: ${f}: is a directory, not a file\n`);
        return EXIT.usage;
      }
    }
    const outputProblem = checkOutputs(args);
    if (outputProblem) {
      io.err(`caresim: ${outputProblem}\n`);
      return EXIT.usage;
    }
    const { comparison, aligned } = compareFiles({
      resultsFile: args.results,
      resultsText: readFileSync(args.results, 'utf8'),
      observedFile: args.observed,
      observedText: decodeObserved(readFileSync(args.observed)),
      strategy: args.strategy,
    });
    if (args.out) write('--out', args.out, `${JSON.stringify(comparison, null, 2)}\n`, 'compare.json');
    if (args.report) {
      // Loaded on demand: only --report needs d3.
      const { compareHtml } = await import('../../viz/index.js');
      const days = Object.fromEntries(aligned.series.map((s) => [s.name, s.days]));
      write('--report', args.report, compareHtml(comparison, days, `${args.observed} against ${args.results}`), 'compare.html');
      io.err(`wrote ${args.report}\n`);
    }
    if (!args.quiet) io.out(formatComparison(comparison));
    return args.failOnMismatch && comparison.mismatches > 0 ? EXIT.failed : EXIT.ok;
  } catch (err) {
    if (err instanceof OutputError) {
      io.err(`caresim: ${err.message}\n`);
      return EXIT.usage;
    }
    if (!(err instanceof CompareMismatch)) return reportError(err, io);
    const lines = err.problems
      .slice(0, SHOWN)
      .map((p) => `  ${err.file}${p.line ? `:${p.line}` : ''}: ${p.message}${p.hint ? ` (${p.hint})` : ''}`);
    if (err.problems.length > SHOWN) lines.push(`  ... and ${err.problems.length - SHOWN} more`);
    io.err(`caresim: cannot compare ${args.observed} with ${args.results}:\n${lines.join('\n')}\n`);
    return EXIT.usage;
  }
}
