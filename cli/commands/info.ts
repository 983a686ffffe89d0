/** `caresim schema` and `caresim help scenario [key]`: the scenario format, from the compiler. */
import { writeFileAtomic } from '../../runner/index.js';
import { EXIT, type Io } from '../io.js';
import { commandSpec } from '../options.js';
import { reportError } from '../failure.js';
import { checkOutputFile } from '../output-paths.js';

export async function schemaCommand(args: { out?: string }, io: Io): Promise<number> {
  try {
    const { buildSchema } = await import('../../scenarios/index.js');
    const text = `${JSON.stringify(buildSchema(), null, 2)}\n`;
    checkOutputFile(args.out, '--out', 'scenario.schema.json');
    if (args.out) {
      writeFileAtomic(args.out, text);
      io.err(`wrote ${args.out}\n`);
    } else {
      io.out(text);
    }
    return EXIT.ok;
  } catch (err) {
    return reportError(err, io);
  }
}

/** `help` alone or `help COMMAND` asks main for the generated --help text instead. */
export async function helpCommand(args: { topic?: string; key?: string }, io: Io): Promise<number | { helpFor: string[] }> {
  if (args.topic === undefined) return { helpFor: ['--help'] };
  if (args.topic === 'scenario') {
    try {
      const { scenarioHelp } = await import('../../scenarios/index.js');
      const text = scenarioHelp(args.key).trimEnd();
      // An unknown key is a usage mistake: the answer (with its "did you mean") goes to stderr, exit 2.
      if (text.startsWith('No scenario key')) {
        io.err(`caresim: ${text}\n`);
        return EXIT.usage;
      }
      io.out(`${text}\n`);
      return EXIT.ok;
    } catch (err) {
      return reportError(err, io);
    }
  }
  if (commandSpec(args.topic)) return { helpFor: [args.topic, '--help'] };
  io.err(`caresim: no help on "${args.topic}"; try caresim help scenario, or caresim COMMAND --help\n`);
  return EXIT.usage;
}
