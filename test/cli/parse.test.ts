import { describe, expect, it } from 'vitest';
import yargs from 'yargs';
import { parseArgs, skipHelpCache, type Command } from '../../cli/parse.js';
import { COMMANDS } from '../../cli/options.js';

async function command(argv: string[]): Promise<Command> {
  const p = await parseArgs(argv, '1.2.3');
  if (p.kind !== 'command') throw new Error(`expected a command, got ${JSON.stringify(p)}`);
  return p.command;
}

describe('parseArgs(argv)', () => {
  it('parses run with every option typed', async () => {
    const c = await command([
      'run',
      's.yaml',
      '--reps',
      '50',
      '--seed',
      '42',
      '-w',
      '3',
      '-o',
      'r.json',
      '--csv',
      'out',
      '--per-rep',
      '--set',
      'a.b=1',
      '--set',
      'c=2 days',
      '--shard',
      '1/4',
      '--resume',
      '--max-memory',
      '512',
      '--report',
      'r.html',
    ]);
    expect(c).toEqual({
      cmd: 'run',
      file: 's.yaml',
      reps: 50,
      maxReps: undefined,
      seed: 42,
      workers: 3,
      out: 'r.json',
      csv: 'out',
      perRep: true,
      report: 'r.html',
      set: ['a.b=1', 'c=2 days'],
      only: undefined,
      adjust: 'none',
      shard: '1/4',
      shards: undefined,
      resume: true,
      fresh: false,
      journal: undefined,
      maxMemory: 512,
      quiet: false,
    });
  });

  it('reads --reps auto, word seeds, --shards and its alias', async () => {
    const c = await command(['run', 's.yaml', '--reps', 'auto', '--max-reps', '300', '--seed', 'winter', '--shard-count', '8']);
    expect(c).toMatchObject({ reps: 'auto', maxReps: 300, seed: 'winter', shards: 8, set: [] });
  });

  it('reads --only as a list of strategy names and refuses an empty name', async () => {
    expect(await command(['run', 's.yaml', '--only', 'a, b,a'])).toMatchObject({ only: ['a', 'b'] });
    const bad = await parseArgs(['run', 's.yaml', '--only', 'a,,b'], '1.2.3');
    expect(bad).toMatchObject({ kind: 'usage', message: expect.stringContaining('--only') });
  });

  it('reads --adjust holm or none (default none) and refuses anything else', async () => {
    expect(await command(['run', 's.yaml', '--adjust', 'holm'])).toMatchObject({ adjust: 'holm' });
    expect(await command(['run', 's.yaml'])).toMatchObject({ adjust: 'none' });
    const bad = await parseArgs(['run', 's.yaml', '--adjust', 'bonferroni'], '1.2.3');
    expect(bad).toMatchObject({ kind: 'usage', message: expect.stringContaining('--adjust: expected none or holm') });
  });

  it('takes a --set with spaces around its `=` (the scenario reader of overrides allows them), but not one without `=`', async () => {
    expect(await command(['check', 'a.yaml', '--set', 'params.x = 3', '--set', ' y =2'])).toEqual({
      cmd: 'check',
      file: 'a.yaml',
      set: ['params.x = 3', ' y =2'],
    });
    const p = await parseArgs(['check', 'a.yaml', '--set', 'params x 3']);
    expect(p.kind === 'usage' && p.message).toMatch(/^--set: expected PATH=EXPR .*got "params x 3"$/);
  });

  it('lets the last of a repeated option win but keeps every --set', async () => {
    expect(await command(['run', 's.yaml', '-w', '1', '--workers', '2', '--set', 'x=1', '--set', 'y=2'])).toMatchObject({
      workers: 2,
      set: ['x=1', 'y=2'],
    });
  });

  it('parses the other commands', async () => {
    expect(await command(['check', 'a.yaml', '--set', 'x=1'])).toEqual({ cmd: 'check', file: 'a.yaml', set: ['x=1'] });
    expect(await command(['merge', 'a.json', 'b.json', '-o', 'm.json'])).toEqual({
      cmd: 'merge',
      files: ['a.json', 'b.json'],
      out: 'm.json',
      csv: undefined,
      perRep: false,
      quiet: false,
      adjust: 'none',
    });
    expect(await command(['init'])).toEqual({ cmd: 'init', dir: '.', force: false });
    expect(await command(['help', 'scenario', 'units.queue'])).toEqual({ cmd: 'help', topic: 'scenario', key: 'units.queue' });
    expect(await command(['report', 'r.json'])).toEqual({ cmd: 'report', results: 'r.json', out: 'report.html' });
    expect(await command(['view', 'r.json', '--no-open', '-p', '8080'])).toEqual({ cmd: 'view', file: 'r.json', port: 8080, open: false });
    expect(await command(['bench', 'quick'])).toEqual({ cmd: 'bench', args: ['quick'] });
    expect(await command(['schema'])).toEqual({ cmd: 'schema', out: undefined });
  });

  it('returns help and version text instead of printing them', async () => {
    const help = await parseArgs(['run', '--help']);
    expect(help.kind).toBe('text');
    if (help.kind === 'text') for (const o of COMMANDS[0].options) expect(help.text).toContain(`--${o.name}`);
    expect(await parseArgs(['--version'], '1.2.3')).toEqual({ kind: 'text', text: '1.2.3' });
  });

  it('reports bad usage with a message', async () => {
    const cases: [string[], RegExp][] = [
      [['run'], /Not enough non-option arguments/],
      [['run', 's.yaml', '--nope'], /Unknown argument: nope/],
      [['run', 's.yaml', '--reps', '0'], /--reps: expected a whole number from 1 to/],
      [['run', 's.yaml', '--reps', '2.5'], /--reps/],
      [['run', 's.yaml', '--workers', '-1'], /--workers/],
      [['run', 's.yaml', '--set', 'novalue'], /PATH=EXPR/],
      [['run', 's.yaml', '--out'], /Not enough arguments following: out/],
      [[], /Give a command/],
    ];
    for (const [argv, message] of cases) {
      const p = await parseArgs(argv);
      expect(p.kind, argv.join(' ')).toBe('usage');
      if (p.kind === 'usage') expect(p.message).toMatch(message);
    }
  });
});

describe('skipHelpCache(y)', () => {
  it('replaces the help text yargs renders before a command runs (the internals it reaches are still there)', () => {
    const y = yargs([]).command('go', 'Go');
    type Usage = { cacheHelpMessage(): void; hasCachedHelpMessage(): boolean };
    const usage = (y as unknown as { getInternalMethods(): { getUsageInstance(): Usage } }).getInternalMethods().getUsageInstance();
    skipHelpCache(y);
    usage.cacheHelpMessage();
    expect(usage.hasCachedHelpMessage()).toBe(false);
  });
});

describe('parseArgs(argv) with a number option given text', () => {
  /** Every option the table declares as a number, with the command it belongs to. */
  const numeric = COMMANDS.flatMap((c) => c.options.filter((o) => o.type === 'number').map((o) => ({ cmd: c, o })));
  const positionals = (c: (typeof COMMANDS)[number]): string[] => (c.usage.includes('<') ? c.positionals.map((_, i) => `x${i}.yaml`) : []);

  it('names what was given, not NaN, and the whole-number range expected, for every number option of every command', async () => {
    expect(numeric.length).toBeGreaterThan(8);
    for (const { cmd, o } of numeric) {
      for (const given of ['abc', '', '12abc']) {
        const argv = [cmd.name, ...positionals(cmd), `--${o.name}`, given];
        const p = await parseArgs(argv);
        expect(p.kind, argv.join(' ')).toBe('usage');
        if (p.kind !== 'usage') continue;
        expect(p.message, argv.join(' ')).not.toMatch(/NaN/);
        expect(p.message, argv.join(' ')).toContain(`--${o.name}: expected a whole number`);
        expect(p.message, argv.join(' ')).toContain(`got "${given}"`);
      }
    }
  });
  it('view --port abc says the port is a whole number from 0 to 65,535, and --port=abc and -p abc say the same', async () => {
    for (const argv of [
      ['view', '--port', 'abc'],
      ['view', '--port=abc'],
      ['view', '-p', 'abc'],
    ]) {
      const p = await parseArgs(argv);
      expect(p).toMatchObject({
        kind: 'usage',
        message: '--port: expected a whole number from 0 to 65,535 (0 = any free port), got "abc"',
      });
    }
  });
  it('run --workers 1.5 and --reps 0 quote the value given and the range', async () => {
    const w = await parseArgs(['run', 's.yaml', '--workers', '1.5']);
    expect(w.kind === 'usage' && w.message).toMatch(/^--workers: expected a whole number from 0 to [\d,]+ .*, got "1\.5"$/);
    const r = await parseArgs(['run', 's.yaml', '--reps', '0']);
    expect(r.kind === 'usage' && r.message).toMatch(/^--reps: expected a whole number from 1 to [\d,]+ .*, got "0"$/);
  });
});
