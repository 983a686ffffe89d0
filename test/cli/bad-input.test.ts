/**
 * Every command given a wrong file, path or number: exit 2, one clear line saying what was
 * wrong and what to do, and no stack trace. Nothing runs before the problem is found.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { execFileSync, spawnSync } from 'node:child_process';
import { cli, ensureBuilt, root, small, tempDir } from './cli-process.js';
import { makeResults } from '../viz/fixture.js';

beforeAll(() => ensureBuilt());

const dir = tempDir();
const file = (name: string, text: string) => {
  const f = join(dir, name);
  writeFileSync(f, text);
  return f;
};
const noStack = (text: string) => expect(text).not.toMatch(/^\s+at .+:\d+:\d+\)?$/m);
// A timeout, because a viewer that wrongly starts serving would never exit.
const runCli = (args: string[]) => {
  const r = spawnSync(process.execPath, [cli, ...args], {
    cwd: root,
    encoding: 'utf8',
    timeout: 60_000,
    env: { ...process.env, NO_COLOR: '1' },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
};
const refused = (args: string[], message: RegExp) => {
  const r = runCli(args);
  expect(r.stderr).toMatch(message);
  expect(r.code).toBe(2);
  noStack(r.stderr);
  expect(r.stderr.trim().split('\n').length).toBeLessThanOrEqual(2);
};

const results = JSON.stringify(makeResults({ reps: 3 }));
/**
 * One part of a sharded run as `run --shard` writes it: the whole run's header with its own
 * replications' figures, the shard's place, and Infinity as text (an unlimited unit's capacity).
 */
const shardOf = (infinite: boolean) => {
  const doc = JSON.parse(results) as Record<string, any>;
  doc.shard = { index: 0, count: 2 };
  doc.replications_raw = { baseline: [] };
  if (infinite) doc.strategies.baseline.daily.acute.capacity[0] = 'Infinity';
  return JSON.stringify(doc);
};
const shardMessage =
  /is a shard file \(one part of a run\), not a whole run; merge the shards first: `caresim merge SHARD\.\.\. --out results\.json`, then use results\.json/;
const folder = join(dir, 'a-folder');
mkdirSync(folder);

describe('caresim report FILE', () => {
  const cases: [string, string, RegExp][] = [
    [
      'a scenario',
      file('scenario.yaml', 'caresim: 1\nname: x\n'),
      /scenario\.yaml is a scenario, not a results file; run it first: `caresim run .*scenario\.yaml --out results\.json`/,
    ],
    ['a scenario named .json', file('scenario-named.json', 'caresim: 1\nname: x\n'), /is a scenario, not a results file/],
    [
      'text that is not JSON',
      file('notes.json', 'hello'),
      /notes\.json is not JSON \(.*\); expected a results file written by `caresim run --out FILE`/,
    ],
    ['an empty file', file('empty.json', ''), /empty\.json is not JSON \(it is empty\)/],
    [
      'a journal of the first format, header only',
      file('old.journal.ndjson', '{"format":"caresim-journal/1","seed":1}'),
      /old\.journal\.ndjson is the journal of an unfinished or running run, not a results file/,
    ],
    [
      'a run journal',
      file('run.journal.ndjson', '{"header":{"format":"caresim-journal/3","seed":1}}\n{"strategy":"baseline"}\n'),
      /is the journal of an unfinished or running run, not a results file; give the run's --out file, written when the run finishes, or finish an interrupted run with the same command and --resume/,
    ],
    ['JSON that is not an object', file('list.json', '[1, 2]'), /list\.json cannot be shown: it holds a list, not a results object/],
    [
      'an object without format',
      file('empty-object.json', '{}'),
      /cannot be shown: it has no `format` where a results file has `caresim-results\/1`/,
    ],
    ['another format', file('other.json', '{"format":"other/2"}'), /it has `other\/2` where a results file has `caresim-results\/1`/],
    [
      'a results file cut short',
      file('cut.json', '{"format":"caresim-results/1"}'),
      /cannot be shown: `scenario` should be an object, found nothing/,
    ],
    [
      'a results file with a broken strategy',
      file('broken.json', results.replace('"kpis":{', '"kpis":null,"x":{')),
      /`strategies\.baseline\.kpis` should be an object, found null/,
    ],
    ['a missing file', join(dir, 'nothing-here.json'), /nothing-here\.json: no such file/],
    ['a folder', folder, /a-folder is a folder; expected a results file/],
    // Shown as a run, a shard would pass half of the run off as the whole.
    ['a shard file', file('shard.json', shardOf(false)), shardMessage],
    ['a shard file with Infinity as text', file('shard-infinite.json', shardOf(true)), shardMessage],
  ];
  it.each(cases)('report refuses %s with exit 2 and says what to do', (_what, input, message) => {
    refused(['report', input, '--out', join(dir, 'report.html')], message);
  });

  it('report refuses an --out that is a folder before writing anything', () => {
    refused(
      ['report', file('ok.json', results), '--out', folder],
      /--out .*a-folder is a folder; give a file name, e.g\. .*a-folder\/report\.html/,
    );
  });
});

describe('caresim report FILE --optimise FILE --sensitivity FILE', () => {
  const ok = file('ok-attach.json', results);
  const cases: [string, string, RegExp][] = [
    [
      '--optimise',
      file('opt-notes.json', 'hello'),
      /--optimise .*opt-notes\.json is not JSON; --optimise expects an optimisation file written by `caresim optimise SCENARIO --out opt\.json`/,
    ],
    ['--optimise', ok, /--optimise .*ok-attach\.json has `caresim-results\/1` where an optimisation file has `caresim-optimise\/1`/],
    ['--sensitivity', file('sens-empty.json', ''), /--sensitivity .*sens-empty\.json is not JSON \(it is empty\)/],
    [
      '--sensitivity',
      file('sens-cut.json', '{"format":"caresim-sensitivity/1","scenario":{"hash":"x"}}'),
      /--sensitivity .*sens-cut\.json cannot be shown: `replications` should be a whole number, 1 or more, found nothing/,
    ],
    ['--sensitivity', join(dir, 'no-sens.json'), /--sensitivity .*no-sens\.json: no such file/],
  ];
  it.each(cases)('report refuses a wrong %s file with exit 2 and says which file is expected', (option, input, message) => {
    refused(['report', ok, option, input, '--out', join(dir, 'report-attach.html')], message);
  });

  it('run refuses --optimise without --report before running', () => {
    refused(['run', small, '--optimise', ok, '--workers', '0'], /--optimise adds a section to the report: give --report FILE too/);
  });
});

describe('caresim view FILE', () => {
  it('view refuses a run journal as a journal, not as a scenario too large to read', () => {
    const journal = file('view.json.journal.ndjson', '{"header":{"format":"caresim-journal/3","seed":1}}\n{"strategy":"baseline"}\n');
    refused(
      ['view', journal, '--no-open'],
      /view\.json\.journal\.ndjson is the journal of an unfinished or running run, not a results file/,
    );
  });

  it('view refuses a shard file as one part of a run, with or without Infinity as text', () => {
    refused(['view', file('view-shard.json', shardOf(false)), '--no-open'], shardMessage);
    refused(['view', file('view-shard-infinite.json', shardOf(true)), '--no-open'], shardMessage);
  });

  it('view refuses a port outside 0 to 65535', () => {
    refused(['view', small, '--port', '99999', '--no-open'], /--port: at most 65,535 \(0 = any free port\), got "99999"/);
  });

  it('view refuses a port in use and says how to pick another', async () => {
    const busy = createServer();
    await new Promise<void>((resolve) => busy.listen(0, '127.0.0.1', resolve));
    const port = (busy.address() as { port: number }).port;
    try {
      refused(
        ['view', small, '--port', String(port), '--no-open'],
        new RegExp(`port ${port} is in use; choose another with --port, or --port 0 for any free port`),
      );
    } finally {
      busy.close();
    }
  });

  it('view refuses a results file it cannot show, as report does', () => {
    refused(
      ['view', file('cut-view.json', '{"format":"caresim-results/1"}'), '--no-open'],
      /cannot be shown: `scenario` should be an object, found nothing/,
    );
  });
});

describe('output paths of run, merge, report and schema', () => {
  const aFile = file('plain.txt', 'x');
  it.each([
    [
      ['run', small, '--out', join(aFile, 'r.json'), '-q'],
      /--out .*plain\.txt\/r\.json: .*plain\.txt is a file, not a folder, so nothing can be written under it/,
    ],
    [['run', small, '--out', folder, '-q'], /--out .*a-folder is a folder; give a file name, e\.g\. .*a-folder\/results\.json/],
    [['run', small, '--csv', aFile, '-q'], /--csv .*plain\.txt is a file, but --csv names a folder/],
    [['run', small, '--report', folder, '-q'], /--report .*a-folder is a folder; give a file name, e\.g\. .*report\.html/],
    [['run', small, '--journal', folder, '-q'], /--journal .*a-folder is a folder/],
    [['merge', file('m.json', results), '--out', folder], /--out .*a-folder is a folder/],
    [['schema', '--out', folder], /--out .*a-folder is a folder; give a file name, e\.g\. .*scenario\.schema\.json/],
  ])('%j exits 2 before any work', (args, message) => {
    refused(args, message);
  });
});

describe('outputs that name an input or each other (run, merge, report, diff)', () => {
  it('every such output exits 2 before any work and leaves the input as it was', () => {
    const scen = file('scen.yaml', readFileSync(small, 'utf8'));
    const a = file('a.json', results),
      b = file('b.json', results);
    const cases: [string[], RegExp][] = [
      [['run', scen, '--reps', '2', '-q', '--xlsx', scen], /--xlsx .*scen\.yaml is the scenario: writing there would replace it/],
      [['run', scen, '--reps', '2', '-q', '--out', scen], /--out .*scen\.yaml is the scenario/],
      [
        ['run', scen, '--reps', '2', '-q', '--out', join(dir, 'r.json'), '--xlsx', join(dir, 'r.json')],
        /--xlsx .*r\.json is the --out file/,
      ],
      [['merge', a, b, '--out', join(dir, 'm.json'), '--xlsx', a], /--xlsx .*a\.json is a shard file/],
      [['report', a, '--out', a], /--out .*a\.json is the results file/],
      [['report', a, '--xlsx', a], /--xlsx .*a\.json is the results file/],
      [['report', a, '--out', join(dir, 'x.xlsx'), '--xlsx', join(dir, 'x.xlsx')], /--xlsx .*x\.xlsx is the --out file/],
      [['diff', a, b, '--out', a], /--out .*a\.json is results file a/],
      [['diff', a, b, '--csv', b], /--csv .*b\.json is results file b/],
      [['diff', a, b, '--out', join(dir, 'o.json'), '--csv', join(dir, 'o.json')], /--csv .*o\.json is the --out file/],
    ];
    for (const [args, message] of cases) refused(args, message);
    expect(readFileSync(scen, 'utf8')).toBe(readFileSync(small, 'utf8'));
    expect(readFileSync(a, 'utf8')).toBe(results);
    expect(readFileSync(b, 'utf8')).toBe(results);
  });
});

describe('caresim init and help', () => {
  it('init refuses a folder path that is a file', () => {
    refused(
      ['init', file('not-a-folder', 'x')],
      /cannot write .*not-a-folder\/scenario\.yaml: .*not-a-folder is a file, not a folder; give a folder/,
    );
  });

  it('init --force refuses, at once and leaving it as it is, a scenario.yaml that is a pipe or a folder', () => {
    const pipeDir = tempDir();
    execFileSync('mkfifo', [join(pipeDir, 'scenario.yaml')]);
    refused(
      ['init', pipeDir, '--force'],
      /scenario\.yaml is not a regular file \(a folder, a device, a pipe or a socket\); it is left as it is/,
    );
    expect(statSync(join(pipeDir, 'scenario.yaml')).isFIFO()).toBe(true);
    const dirDir = tempDir();
    mkdirSync(join(dirDir, 'scenario.yaml'));
    refused(['init', dirDir, '--force'], /scenario\.yaml is not a regular file/);
  });

  it('help scenario KEY refuses an unknown key, also one named like an Object.prototype member', () => {
    refused(['help', 'scenario', 'capacty'], /No scenario key `capacty`\. Did you mean `capacity`\?/);
    refused(['help', 'scenario', 'toString'], /No scenario key `toString`/);
  });
});
