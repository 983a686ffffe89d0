import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readAttachments } from '../../viz/attachment-file.js';

const fixture = (f: string) => JSON.parse(readFileSync(join(import.meta.dirname, 'fixtures', f), 'utf8')) as Record<string, any>;
const dir = mkdtempSync(join(tmpdir(), 'caresim-attach-'));
let n = 0;
const write = (doc: unknown) => {
  const f = join(dir, `file-${n++}.json`);
  writeFileSync(f, JSON.stringify(doc));
  return f;
};

/** Real files: `caresim sensitivity test/sensitivity/fixtures/demand.yaml --reps 4` and `caresim optimise test/optimise/fixtures/erlang-c.yaml --budget 400`. */
const sens = () => fixture('attach-sensitivity.json');
const opt = () => fixture('attach-optimise.json');
const runOf = (doc: Record<string, any>) => ({ name: doc.scenario.name as string, hash: doc.scenario.hash as string });
const kpi = 'acute_occupancy';

describe('readAttachments(files, run)', () => {
  it('readAttachments accepts the files caresim writes, with no warning for a run of the same scenario', () => {
    const s = readAttachments({ sensitivity: write(sens()) }, runOf(sens()));
    expect(s.warnings).toEqual([]);
    expect(Object.keys(s.attached.sensitivity!.one_at_a_time)).toContain(kpi);
    const o = readAttachments({ optimise: write(opt()) }, runOf(opt()));
    expect(o.warnings).toEqual([]);
    expect(o.attached.optimise!.status).toBe('found');
  });

  const broken: [string, 'sensitivity' | 'optimise', (d: Record<string, any>) => void, string][] = [
    [
      'no low',
      'sensitivity',
      (d) => delete d.one_at_a_time[kpi][0].low,
      `one_at_a_time.${kpi}[0].low\` should be an object, found nothing`,
    ],
    ['no high', 'sensitivity', (d) => delete d.one_at_a_time[kpi][0].high, `one_at_a_time.${kpi}[0].high\` should be an object`],
    [
      'no param',
      'sensitivity',
      (d) => delete d.one_at_a_time[kpi][0].param,
      `one_at_a_time.${kpi}[0].param\` should be text, found nothing`,
    ],
    [
      'no low.mean',
      'sensitivity',
      (d) => delete d.one_at_a_time[kpi][0].low.mean,
      `one_at_a_time.${kpi}[0].low.mean\` should be a number or null`,
    ],
    [
      'ci95 cut',
      'sensitivity',
      (d) => (d.one_at_a_time[kpi][0].high.ci95 = [1]),
      `one_at_a_time.${kpi}[0].high.ci95\` should be a list of two, found 1`,
    ],
    ['replications -1', 'sensitivity', (d) => (d.replications = -1), '`replications` should be a whole number, 1 or more, found number -1'],
    [
      'unknown param',
      'sensitivity',
      (d) => (d.one_at_a_time[kpi][0].param = 'nope'),
      `one_at_a_time.${kpi}[0].param\` should name one of \`inputs\`, found \`nope\``,
    ],
    ['input without unit', 'sensitivity', (d) => delete d.inputs[0].unit, '`inputs[0].unit` should be text, found nothing'],
    [
      'global prcc text',
      'sensitivity',
      (d) => (d.global[kpi].inputs[0].prcc = 'high'),
      `global.${kpi}.inputs[0].prcc\` should be a number or null, found string "high"`,
    ],
    ['global r2 missing', 'sensitivity', (d) => delete d.global[kpi].r2, `global.${kpi}.r2\` should be a number or null, found nothing`],
    ['no scenario hash', 'sensitivity', (d) => delete d.scenario.hash, '`scenario.hash` should be text, found nothing'],
    ['chosen "x"', 'optimise', (d) => (d.chosen = 'x'), '`chosen` should be an object, found string "x"'],
    ['no trade_off.points', 'optimise', (d) => delete d.trade_off.points, '`trade_off.points` should be a list, found nothing'],
    ['no evidence.plans', 'optimise', (d) => delete d.evidence.plans, '`evidence.plans` should be a list, found nothing'],
    ['no chosen.values', 'optimise', (d) => delete d.chosen.values, '`chosen.values` should be an object, found nothing'],
    [
      'objective mean null',
      'optimise',
      (d) => (d.runners_up[0].objective.mean = null),
      '`runners_up[0].objective.mean` should be a number, found null',
    ],
    ['target met text', 'optimise', (d) => (d.chosen.targets[0].met = 'yes'), '`chosen.targets[0].met` should be true or false'],
    [
      'evidence visited text',
      'optimise',
      (d) => (d.evidence.visited = '12'),
      '`evidence.visited` should be a whole number, 0 or more, found string "12"',
    ],
    [
      'trade-off without a target',
      'optimise',
      (d) => (d.constraints = []),
      '`constraints` should name a target for `trade_off`, found an empty list',
    ],
    ['statement missing', 'optimise', (d) => delete d.statement, '`statement` should be text, found nothing'],
  ];
  it.each(broken)('readAttachments refuses a %s file (%s), naming the file and the field', (_what, kind, edit, field) => {
    const doc = kind === 'sensitivity' ? sens() : opt();
    edit(doc);
    const f = write(doc);
    expect(() => readAttachments({ [kind]: f }, runOf(doc))).toThrow(`--${kind} ${f} cannot be shown: \`${field.replace(/^`/, '')}`);
  });

  it('readAttachments warns plainly when the file comes from a scenario of another name, and only of another text when just the hash differs', () => {
    const f = write(sens());
    const other = readAttachments({ sensitivity: f }, { name: 'Small loss system', hash: 'abc' }).warnings;
    expect(other).toEqual([
      `--sensitivity ${f} comes from another scenario, \`Uncertain demand\`, not the run's \`Small loss system\`; its numbers are about that scenario, and the report shows them as they are`,
    ]);
    const edited = readAttachments({ sensitivity: f }, { name: 'Uncertain demand', hash: 'abcdef0123' }).warnings;
    expect(edited).toHaveLength(1);
    expect(edited[0]).toMatch(/was made from `Uncertain demand` with another text \(hash fa14ba47\) than the run \(abcdef01\)/);
  });
});
