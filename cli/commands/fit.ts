/**
 * `caresim fit FILE...`: extracts in, a scenario fragment out (stdout or --out), every bad row
 * listed with its line and reason on stderr (the good rows are used), a summary of what was
 * fitted, and with --report an HTML page of every fit. Exit 2 when nothing could be read.
 */
import { existsSync } from 'node:fs';
import { EXIT, type Io } from '../io.js';
import type { FitArgs } from '../parse.js';
import { OutputError, writeFileAtomic } from '../../runner/index.js';
import { checkFileOutputs } from '../output-paths.js';

export async function fitCommand(args: FitArgs, io: Io): Promise<number> {
  for (const f of args.files) {
    if (!existsSync(f)) {
      io.err(`caresim: ${f}: no such file\n`);
      return EXIT.usage;
    }
  }
  // The output check every command shares: a folder, a path through a file, no write access.
  try {
    checkFileOutputs(
      args.files.map((f): [string, string] => ['an extract', f]),
      [
        ['--out', args.out, 'fitted.yaml'],
        ['--report', args.report, 'fit.html'],
      ],
    );
  } catch (e) {
    if (e instanceof OutputError) {
      io.err(`caresim: ${e.message}\n`);
      return EXIT.usage;
    }
    throw e;
  }
  const { fitFiles, ColumnError, int } = await import('../../fit/index.js');
  let result;
  try {
    result = await fitFiles(args.files, { columns: args.col, end: args.end, seed: args.seed, bootstrap: args.bootstrap });
  } catch (e) {
    if (e instanceof ColumnError) {
      io.err(`caresim: ${e.message}\n`);
      return EXIT.usage;
    }
    throw e;
  }
  for (const s of result.sources) {
    for (const b of s.badRows) io.err(`${s.file}:${b.line}: ${b.reason}\n`);
    if (s.bad > s.badRows.length) io.err(`${s.file}: ... and ${int(s.bad - s.badRows.length)} more bad rows not listed\n`);
  }
  const used = result.sources.reduce((a, s) => a + s.used, 0);
  if (used === 0) {
    io.err('caresim: no usable rows in the extracts\n');
    return EXIT.usage;
  }
  if (args.out) writeFileAtomic(args.out, result.fragment, '--out', 'fitted.yaml');
  else io.out(result.fragment);
  if (args.report) {
    const { fitReportHtml } = await import('../../viz/index.js');
    writeFileAtomic(args.report, fitReportHtml(result), '--report', 'fit.html');
  }
  if (!args.quiet) {
    const say = (text: string) => (args.out ? io.out(text) : io.err(text));
    for (const s of result.sources)
      say(`${s.file}: ${s.kind}, ${int(s.used)} of ${int(s.rows)} rows used${s.bad ? `, ${int(s.bad)} bad (listed above)` : ''}\n`);
    for (const u of result.units) {
      const c = u.los.fit.chosen;
      say(
        `  ${u.name}: length of stay ${c ? `${c.family.name}, mean ${c.mean.toFixed(2)} days (95% CI ${c.meanLo.toFixed(2)}-${c.meanHi.toFixed(2)})` : 'empirical (no family fits)'}, n = ${int(u.los.fit.n)}\n`,
      );
    }
    for (const s of result.streams) say(`  ${s.name}: ${s.arrivals.rate.toFixed(2)}/day over ${int(s.arrivals.days)} days\n`);
    if (args.out) say(`wrote ${args.out}${args.report ? ` and ${args.report}` : ''}\n`);
  }
  return EXIT.ok;
}
