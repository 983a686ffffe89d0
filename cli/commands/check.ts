/** `caresim check FILE`: every diagnostic at once; exit 2 when any is an error. */
import { existsSync } from 'node:fs';
import { EXIT, type Io } from '../io.js';
import { printDiagnostics, reportError } from '../failure.js';

export async function checkCommand(args: { file: string; set: string[] }, io: Io): Promise<number> {
  try {
    if (!existsSync(args.file)) {
      io.err(`caresim: ${args.file}: no such file\n`);
      return EXIT.usage;
    }
    const { checkScenario } = await import('../../scenarios/index.js');
    const diags = checkScenario(args.file, { set: args.set });
    if (diags.length > 0) await printDiagnostics(diags, io, args.set);
    const errors = diags.filter((d) => d.severity === 'error').length;
    const warnings = diags.length - errors;
    if (errors > 0) return EXIT.usage;
    io.out(`${args.file}: ok${warnings > 0 ? ` (${warnings} warning${warnings > 1 ? 's' : ''})` : ''}\n`);
    return EXIT.ok;
  } catch (err) {
    return reportError(err, io, args.set);
  }
}
