/**
 * The benchmarks' own command-line values: a bad one stops a benchmark before it starts (a
 * message and exit 2), instead of minutes of runs that end in a crash or a table of NaN.
 */

/** Stops `program` with a message about its options. */
export function refuse(program: string, why: string): never {
  process.stderr.write(`${program}: ${why}\n`);
  process.exit(2);
}

/** The whole number after `flag` in argv (1 or more), or `dflt` when the flag is not given. */
export function wholeOption(program: string, argv: readonly string[], flag: string, dflt: number): number {
  if (!argv.includes(flag)) return dflt;
  const text = argv[argv.indexOf(flag) + 1];
  const x = Number(text);
  if (!(Number.isInteger(x) && x >= 1)) refuse(program, `${flag} wants a whole number, 1 or more (got ${text ?? 'nothing'})`);
  return x;
}

/** The numbers after `flag` in argv (comma-separated, each above 0), or `dflt` when the flag is not given. */
export function numbersOption(program: string, argv: readonly string[], flag: string, dflt: number[]): number[] {
  if (!argv.includes(flag)) return dflt;
  const text = argv[argv.indexOf(flag) + 1];
  const xs = text === undefined ? [] : text.split(',').map(Number);
  if (xs.length === 0 || xs.some((x) => !(x > 0 && x < Infinity)))
    refuse(program, `${flag} wants numbers above 0, comma-separated (got ${text ?? 'nothing'})`);
  return xs;
}
