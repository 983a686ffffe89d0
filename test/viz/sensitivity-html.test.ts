import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { SensitivityFile } from '../../sensitivity/index.js';
import { sensitivityBody, sensitivityHtml } from '../../viz/sensitivity-html.js';

// Written by `caresim sensitivity test/sensitivity/fixtures/demand.yaml --reps 4`: with 4 replications
// delayed discharges and 12-hour waits never move, so their r2 and PRCC are null in the file.
const file = (): SensitivityFile =>
  JSON.parse(readFileSync(join(import.meta.dirname, 'fixtures', 'attach-sensitivity.json'), 'utf8')) as SensitivityFile;

/** The same file as `caresim sensitivity --report` holds it in memory: undefined numbers are NaN, not null. */
function inMemory(f: SensitivityFile): SensitivityFile {
  return JSON.parse(JSON.stringify(f), (_k, v: unknown) => (v === null ? NaN : v)) as SensitivityFile;
}

const sections = (html: string) =>
  Object.fromEntries([...html.matchAll(/<section class="sens-kpi" data-kpi="([^"]+)">([\s\S]*?)<\/section>/g)].map((m) => [m[1], m[2]]));

describe('sensitivityBody(file, h)', () => {
  it('sensitivityBody(file, 3) leaves out the correlations of KPIs that did not vary, saying so, and still charts the others', () => {
    const s = sections(sensitivityBody(file(), 3));
    expect(s.delayed_bed_days_per_day).toMatch(/class="not-varied">.*did not vary between the 4 replications/);
    expect(s.delayed_bed_days_per_day).not.toContain('id="prcc-');
    expect(s.waits_12h_per_day).toContain('class="not-varied"');
    expect(s.acute_occupancy).toContain('id="prcc-acute_occupancy"');
    expect(s.acute_occupancy).toMatch(/explain 70% of the variance/);
    expect(s.acute_occupancy).not.toContain('not-varied');
  });

  it('sensitivityBody(file) of the file as held in memory (NaN for undefined numbers) shows no NaN anywhere', () => {
    const html = sensitivityHtml(inMemory(file()), 'Uncertain demand');
    expect(html).not.toContain('NaN');
    // acute_waiting_mean varied, but no correlation could be computed for `unused`: it is named as left out.
    expect(sections(html).acute_waiting_mean).toMatch(/Left out, as no correlation could be computed for it: unused\./);
  });

  it('sensitivityBody(file) draws a one-at-a-time change with no mean as missing ("no value"), never as a bar at 0', () => {
    const f = file();
    const row = f.one_at_a_time.acute_occupancy[0];
    row.low = { ...row.low, mean: null, ci95: [null, null] };
    const oat = /<svg[^>]*id="oat-acute_occupancy"[\s\S]*?<\/svg>/.exec(sensitivityBody(f))![0];
    const rowSvg = new RegExp(`<g class="row" data-input="${row.param} [^"]*"[\\s\\S]*?</g>`).exec(oat)![0];
    // The high side is drawn as before; the low side has no bar, at 0 or anywhere, and says why.
    expect(rowSvg).toContain('data-side="high"');
    expect(rowSvg).not.toMatch(/<rect[^>]*data-side="low"/);
    expect(rowSvg).toMatch(/<text class="no-value" data-side="low"[^>]*>no value<title>[^<]*low: no value/);
    expect(rowSvg).not.toContain('NaN');
    // Held in memory the missing mean is NaN: the same.
    const mem = sensitivityBody(inMemory(f));
    expect(mem).toMatch(/<text class="no-value" data-side="low"/);
  });

  it('sensitivityBody(file) writes rounding noise as 0, never in e-notation, and keeps acronyms in capitals', () => {
    const f = file();
    const noise = (mean: number) => ({
      mean,
      sd: 1e-12,
      p10: null,
      p90: null,
      n: 4,
      ci95: [mean - 1e-12, mean + 1e-12] as [number, number],
    });
    f.one_at_a_time.acute_occupancy = f.one_at_a_time.acute_occupancy.map((r) => ({ ...r, low: noise(5.4e-15), high: noise(-2.2e-15) }));
    f.one_at_a_time.ed_attendances_per_day = [{ param: 'demand', low: noise(-1), high: noise(1), swing: 2 }];
    const body = sensitivityBody(f);
    // What a reader sees: the text, not the marks' data attributes (which keep the raw value).
    expect(body.replace(/<[^>]*>/g, ' ')).not.toMatch(/\de-\d/);
    expect(body).toContain('Change in ED attendances');
    expect(body).toContain('Change in patients waiting for an acute bed');
  });

  it('sensitivityBody(file) says the draws are too few where a rank regression fits them exactly, and draws no correlations', () => {
    const f = file();
    for (const g of Object.values(f.global!)) g.n = g.inputs.length + 1;
    const s = sections(sensitivityBody(f));
    expect(s.acute_occupancy).toMatch(
      /3 replications of the scenario as written are too few to correlate its 2 uncertain inputs with G&amp;A bed occupancy/,
    );
    expect(s.acute_occupancy).not.toContain('id="prcc-');
    expect(s.acute_occupancy).not.toContain('explain');
  });
});
