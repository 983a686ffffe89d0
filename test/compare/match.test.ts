import { describe, expect, it } from 'vitest';
import { compareFiles, CompareMismatch } from '../../compare/index.js';
import { align, asResults, bandChoice } from '../../compare/match.js';
import { readObserved } from '../../compare/observed.js';
import type { Results, Stat } from '../../results/index.js';
import { JOURNAL_FORMAT } from '../../runner/journal.js';

/** A results file of 10 measured days from 2027-01-04: occupancy mean 50, band 45-55. */
function results(extra: Record<string, number[]> = {}): Results {
  const band = (m: number) => ({ mean: Array(10).fill(m), p05: Array(10).fill(m - 5), p95: Array(10).fill(m + 5), ...extra });
  const daily = { acute: { occupancy: band(50), blocked: band(8), queue: band(1), capacity: Array(10).fill(60) } };
  return {
    format: 'caresim-results/1',
    scenario: { name: 't', hash: 'h', assumptions: [] },
    engine: { version: '0' },
    seed: 1,
    replications: 20,
    horizon_days: 10,
    warmup_days: 5,
    start_date: '2027-01-04',
    strategies: {
      baseline: { description: '', set: {}, kpis: {}, units: {}, daily, exits: {} },
      'more-beds': { description: '', set: {}, kpis: {}, units: {}, daily, exits: {} },
    },
    differences: {},
  };
}

const csv = (...rows: string[]) => ['date,series,value', ...rows].join('\n');

function problems(observed: string, r: Results = results(), strategy?: string): string[] {
  try {
    align(r, readObserved(observed), strategy, 'observed.csv');
  } catch (e) {
    if (e instanceof CompareMismatch) return e.problems.map((p) => `${p.line ?? '-'}: ${p.message}${p.hint ? ` | ${p.hint}` : ''}`);
    throw e;
  }
  return [];
}

describe('align(results, observed, strategy, file)', () => {
  it('maps each date to its day of the measured period', () => {
    const a = align(results(), readObserved(csv('2027-01-04,acute.occupancy,47', '13/01/2027,acute.occupancy,60')), undefined, 'o.csv');
    expect(a.strategy).toBe('baseline');
    expect(a.replications).toBe(20);
    expect(a.endDate).toBe('2027-01-13');
    expect(a.series[0].days.map((d) => [d.index, d.observed, d.lo, d.hi])).toEqual([
      [0, 47, 45, 55],
      [9, 60, 45, 55],
    ]);
  });

  it('names unknown units and series with a did-you-mean, and says why discharges are not there', () => {
    expect(
      problems(
        csv(
          '2027-01-04,acute.ocupancy,47',
          '2027-01-04,acut.occupancy,47',
          '2027-01-04,acute.discharges,30',
          '2027-01-04,acute.capacity,60',
        ),
      ),
    ).toEqual([
      '2: `acute.ocupancy`: no daily series `ocupancy` | did you mean `acute.occupancy`?',
      '3: `acut.occupancy`: no unit `acut` in the results | did you mean `acute.occupancy`?',
      '4: `acute.discharges`: results files carry no daily arrivals or discharges yet | daily series of acute: acute.occupancy, acute.blocked, acute.queue, acute.admissions',
      '5: `acute.capacity`: capacity is an input of the scenario, not an outcome with a band | daily series of acute: acute.occupancy, acute.blocked, acute.queue, acute.admissions',
    ]);
  });

  it('lines up daily admissions, judged against `admitted_per_day`, and says when an older file lacks them', () => {
    const r = results();
    const adm = { mean: Array(10).fill(30), p05: Array(10).fill(22), p95: Array(10).fill(38) };
    const stat: Stat = { mean: 30, sd: 1, ci95: [29, 31], p10: 28, p90: 32, n: 20 };
    const withAdm = {
      ...r,
      strategies: {
        baseline: {
          ...r.strategies.baseline,
          units: { acute: { admitted_per_day: stat } },
          daily: { acute: { ...r.strategies.baseline.daily.acute, admissions: adm } },
        },
      },
    } as Results;
    const a = align(withAdm, readObserved(csv('2027-01-05,acute.admissions,27')), undefined, 'o.csv');
    expect(a.series[0].days.map((d) => [d.index, d.observed, d.mean, d.lo, d.hi])).toEqual([[1, 27, 30, 22, 38]]);
    expect(a.series[0].period).toEqual({ mean: 30, sd: 1, n: 20 });
    expect(problems(csv('2027-01-05,acute.admissions,27'))).toEqual([
      '2: `acute.admissions`: this results file has no daily admissions (written by an earlier caresim) | run the scenario again to write a results file with them',
    ]);
  });

  it('refuses dates outside the simulated period, pointing at the warm-up when they fall in it', () => {
    const p = problems(csv('2027-01-04,acute.occupancy,47', '2027-01-01,acute.occupancy,47', '2027-01-14,acute.occupancy,47'));
    expect(p).toHaveLength(1);
    expect(p[0]).toBe(
      '3: `acute.occupancy`: 2 dates outside the simulated period 2027-01-04 to 2027-01-13 (first: 2027-01-01) | days before time.start are warm-up, which results leave out: remove them or move time.start',
    );
  });

  it('says so when no day overlaps at all', () => {
    expect(problems(csv('2026-06-01,acute.occupancy,47'))[0]).toContain(
      'no observed day falls in the simulated period 2027-01-04 to 2027-01-13',
    );
  });

  it('lists the bad rows of the file with the matching problems, all at once', () => {
    const p = problems(csv('2027-01-04,acute.occupancy,x', '2027-01-05,acute.occupancy,40', '2027-01-05,acute.queu,1'));
    expect(p.map((s) => s.split(':')[0])).toEqual(['2', '4']);
  });

  it('compares another strategy on request and suggests a name for a typo', () => {
    expect(align(results(), readObserved(csv('2027-01-04,acute.occupancy,47')), 'more-beds', 'o').strategy).toBe('more-beds');
    expect(problems(csv('2027-01-04,acute.occupancy,47'), results(), 'more-bed')).toEqual([
      '-: the results have no strategy `more-bed` | did you mean `more-beds`?',
    ]);
  });
});

describe('align(...).replications', () => {
  it('counts the replications behind the bands, not those the run asked for (failures, shard files)', () => {
    const r = results();
    r.strategies.baseline.units = { acute: { occupancy_mean: { mean: 50, sd: 1, ci95: [49, 51], p10: 47, p90: 53, n: 17 } } };
    expect(align(r, readObserved(csv('2027-01-04,acute.occupancy,47')), undefined, 'o').replications).toBe(17);
    r.strategies.baseline.units = {};
    r.failures = [
      { strategy: 'baseline', replication: 3, error: 'x' },
      { strategy: 'more-beds', replication: 4, error: 'x' },
    ];
    expect(align(r, readObserved(csv('2027-01-04,acute.occupancy,47')), undefined, 'o').replications).toBe(19);
  });
});

describe('bandChoice(daily)', () => {
  it('uses the 10-90% band when the results carry it, else the 5-95% band', () => {
    expect(bandChoice(results().strategies.baseline.daily).percentiles).toEqual([5, 95]);
    const with1090 = results({ p10: Array(10).fill(47), p90: Array(10).fill(53) });
    expect(bandChoice(with1090.strategies.baseline.daily).percentiles).toEqual([10, 90]);
    const a = align(with1090, readObserved(csv('2027-01-04,acute.occupancy,54')), undefined, 'o');
    expect([a.series[0].days[0].lo, a.series[0].days[0].hi]).toEqual([47, 53]);
  });
});

describe('asResults(value, text, file) and compareFiles', () => {
  const fail = (f: () => unknown) => {
    try {
      f();
    } catch (e) {
      return (e as CompareMismatch).problems[0];
    }
    return undefined;
  };

  it('recognises a scenario passed instead of results, and results and CSV passed the wrong way round', () => {
    expect(fail(() => asResults(null, 'caresim: 1\nname: x\nunits:\n', 'ics.yaml'))).toEqual({
      message: 'this is a scenario file, not a results file',
      hint: 'run it first: caresim run ics.yaml --out results.json, then compare results.json',
    });
    expect(fail(() => asResults(null, 'date,series,value\n2027-01-04,a.occupancy,1\n', 'observed.csv'))?.hint).toContain(
      'the results file comes first',
    );
    expect(fail(() => asResults({ format: 'other' }, '{"format":"other"}', 'x.json'))?.message).toContain('not a caresim results file');
    const r = JSON.stringify(results());
    expect(fail(() => compareFiles({ resultsFile: 'r.json', resultsText: r, observedFile: 'o.json', observedText: r }))?.message).toBe(
      'this is JSON, not a CSV file',
    );
    expect(
      fail(() => compareFiles({ resultsFile: 'r.json', resultsText: r, observedFile: 'o.xlsx', observedText: 'PK\u0003\u0004rest' }))
        ?.message,
    ).toContain('spreadsheet');
  });
});

describe('asResults(value, text, file) on damaged and look-alike files', () => {
  const fail = (f: () => unknown) => {
    try {
      f();
    } catch (e) {
      if (e instanceof CompareMismatch) return e.problems[0];
      throw e;
    }
    return undefined;
  };
  const full = JSON.stringify(results(), null, 2);

  it('says a results file that was cut short is incomplete JSON, not "no format"', () => {
    const text = full.slice(0, 400);
    const p = fail(() => asResults(null, text, 'r.json'));
    expect(p?.message).toContain('cut short');
    expect(p?.hint).toContain('caresim run');
  });

  it('recognises a journal of the current format (its header line first) and says what to give instead', () => {
    const journal = `${JSON.stringify({ header: { format: JOURNAL_FORMAT, scenario_hash: 'ab', seed: 1 } })}\n{"strategy":"baseline","replication":0}\n`;
    const p = fail(() => asResults(null, journal, 'r.json.journal.ndjson'));
    expect(p?.message).toBe('this is the journal of an unfinished or running run, not a results file');
    expect(p?.hint).toBe(
      "give the run's --out file, written when the run finishes, or finish an interrupted run with the same command and --resume",
    );
  });

  it('recognises a run journal and says how to finish the run', () => {
    const journal = '{"header":{"format":"caresim-journal/1","scenario_hash":"ab","seed":1}}\n{"strategy":"baseline","rep":0}\n';
    const p = fail(() => asResults(null, journal, 'r.json.journal.ndjson'));
    expect(p?.message).toContain('journal');
    expect(p?.hint).toContain('--resume');
  });

  it('reports a results file whose daily series are damaged instead of crashing', () => {
    const r = results() as unknown as { strategies: { baseline: { daily: Record<string, unknown> } } };
    r.strategies.baseline.daily.acute = { capacity: [1] };
    const p = fail(() =>
      compareFiles({
        resultsFile: 'r.json',
        resultsText: JSON.stringify(r),
        observedFile: 'o.csv',
        observedText: csv('2027-01-04,acute.occupancy,50'),
      }),
    );
    expect(p?.message).toContain('daily');
  });
});

describe('compareFiles(input) naming the file at fault', () => {
  const fail = (f: () => unknown) => {
    try {
      f();
    } catch (e) {
      if (e instanceof CompareMismatch) return e;
      throw e;
    }
    return undefined;
  };

  it('blames the results file, not the observed one, for a strategy it does not have', () => {
    const e = fail(() =>
      compareFiles({
        resultsFile: 'r.json',
        resultsText: JSON.stringify(results()),
        observedFile: 'o.csv',
        observedText: csv('2027-01-04,acute.occupancy,50'),
        strategy: 'basline',
      }),
    );
    expect(e?.file).toBe('r.json');
    expect(e?.problems[0].hint).toBe('did you mean `baseline`?');
  });

  it('says which caresim file was given instead of results (a compare output, for one)', () => {
    const e = fail(() => asResults({ format: 'caresim-compare/1' }, '{"format":"caresim-compare/1"}', 'c.json'));
    expect(e?.problems[0].message).toBe('this is a `caresim-compare/1` file, not a results file');
  });
});

describe('align(results, observed, ...) when every row of a series is refused', () => {
  it('lists the refused rows without adding "no observed values" for the same series', () => {
    expect(problems(csv('2027-01-04,acute.occupancy,abc', '2027-01-05,acute.occupancy,-1'))).toEqual([
      '2: `acute.occupancy`: `abc` is not a number',
      '3: `acute.occupancy`: -1 is negative | observed series are counts of patients or places',
    ]);
    expect(problems(csv('2027-01-04,acute.occupancy,NA'))).toEqual(['2: `acute.occupancy`: no observed values']);
  });
});

describe('align(results, observed, ...) on one replication', () => {
  it('refuses to judge a band of one replication, where any observed series would be "consistent"', () => {
    const r = results();
    r.replications = 1;
    expect(problems(csv('2027-01-04,acute.occupancy,500'), r)).toEqual([
      '-: the results hold 1 replication, so there is no band to compare with | run at least 2, better 20 or more: caresim run FILE --reps 20 --out results.json',
    ]);
    r.replications = 2;
    expect(problems(csv('2027-01-04,acute.occupancy,50'), r)).toEqual([]);
  });
});
