/**
 * `caresim compare RESULTS OBSERVED`: is the baseline right? Exit 2 when the files do not
 * fit together (every problem listed); 0 when they do, whatever the verdicts, because a
 * bad fit is a finding, not a usage error; 1 with --fail-on-mismatch when a series does not match.
 */
import { existsSync, readFileSync } from 'node:fs';
import { compareFiles, CompareMismatch, formatComparison } from '../../compare/index.js';
import { writeFileAtomic } from '../../runner/atomic.js';
import { EXIT, type Io } from '../io.js';
import { reportError } from '../failure.js';

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

export async function compareCommand(args: CompareArgs, io: Io): Promise<number> {
  try {
    for (const f of [args.results, args.observed]) {
      if (!existsSync(f)) { io.err(`caresim: ${f}: no such file\n`); return EXIT.usage; }
    }
    const { comparison, aligned } = compareFiles({
      resultsFile: args.results, resultsText: readFileSync(args.results, 'utf8'),
      observedFile: args.observed, observedText: readFileSync(args.observed, 'utf8'),
      strategy: args.strategy,
    });
    if (args.out) writeFileAtomic(args.out, `${JSON.stringify(comparison, null, 2)}\n`);
    if (args.report) {
      // Loaded on demand: only --report needs d3.
      const { compareHtml } = await import('../../viz/compare-html.js');
      const days = Object.fromEntries(aligned.series.map((s) => [s.name, s.days]));
      writeFileAtomic(args.report, compareHtml(comparison, days, `${args.observed} against ${args.results}`));
      io.err(`wrote ${args.report}\n`);
    }
    if (!args.quiet) io.out(formatComparison(comparison));
    return args.failOnMismatch && comparison.mismatches > 0 ? EXIT.failed : EXIT.ok;
  } catch (err) {
    if (!(err instanceof CompareMismatch)) return reportError(err, io);
    const lines = err.problems.slice(0, SHOWN).map((p) => `  ${err.file}${p.line ? `:${p.line}` : ''}: ${p.message}${p.hint ? ` (${p.hint})` : ''}`);
    if (err.problems.length > SHOWN) lines.push(`  ... and ${err.problems.length - SHOWN} more`);
    io.err(`caresim: cannot compare ${args.observed} with ${args.results}:\n${lines.join('\n')}\n`);
    return EXIT.usage;
  }
}
