import { describe, it } from 'vitest';
import { buildModel, exponential, HOUR, DAY, WEEK } from '../../engine/index.js';
import type { TraceEvent } from '../../engine/model.js';
import { replicate, col } from './run.js';
import { expectInCi } from './stats.js';

/** Discharges 08:00-20:00 every day. */
const OPEN = Array.from({ length: 168 }, (_, h) => (h % 24 >= 8 && h % 24 < 20 ? 1 : 0));

/**
 * Expected outcome of the rule for a patient ready at minute-of-week m (Monday 00:00 = 0),
 * derived from the rule's statement: leave at the next open hour; on Saturday and Sunday only
 * a fraction w leave then, the rest try again from the next midnight. Returns the expected
 * delay and the probabilities of leaving at 08:00 sharp and of leaving on a weekend day.
 */
function ruleOutcome(m: number, w: number): { delay: number; at8: number; weekend: number } {
  let from = m,
    p = 1;
  const out = { delay: 0, at8: 0, weekend: 0 };
  for (let guard = 0; guard < 30 && p > 1e-15; guard++) {
    const h = Math.floor(from / HOUR);
    const at = OPEN[h % 168]
      ? from
      : (() => {
          let k = 1;
          while (!OPEN[(h + k) % 168]) k++;
          return (h + k) * HOUR;
        })();
    const day = Math.floor((at % WEEK) / DAY),
      weekend = day >= 5;
    const go = weekend ? w : 1;
    out.delay += p * go * (at - m);
    if (at % DAY === 8 * HOUR) out.at8 += p * go;
    if (weekend) out.weekend += p * go;
    p *= 1 - go;
    from = at - (at % DAY) + DAY;
  }
  return out;
}

describe('simulate(model, opts) with a discharge window', () => {
  for (const w of [1, 0.4]) {
    it(`08:00-20:00, weekend fraction ${w}: delayed place-days, departures at 08:00 and at weekends`, () => {
      // Ready times of a stationary Poisson stream with exponential LOS are uniform over the week.
      const theory = { delay: 0, at8: 0, weekend: 0 };
      for (let m = 0; m < WEEK; m++) {
        const o = ruleOutcome(m + 0.5, w);
        theory.delay += o.delay / WEEK;
        theory.at8 += o.at8 / WEEK;
        theory.weekend += o.weekend / WEEK;
      }
      const lam = 12 / DAY,
        offset = 4 * DAY; // t = 0 is a Friday
      const model = buildModel({
        horizon: 700 * DAY,
        warmup: 20 * DAY,
        weekOffset: offset,
        units: { ward: { capacity: Infinity, service: exponential(2 * DAY), discharge: { open: OPEN, weekend: w }, next: { home: 1 } } },
        sources: { a: { rate: lam, to: 'ward' } },
        daily: false,
      });
      const tallies: { n: number; at8: number; weekend: number }[] = [];
      const rs = replicate(model, 10, {}, (r) => {
        const t = (tallies[r] = { n: 0, at8: 0, weekend: 0 });
        return (e: TraceEvent) => {
          if (e.what !== 'depart' || e.time < 20 * DAY) return;
          const mw = (e.time + offset) % WEEK;
          t.n++;
          if (mw % DAY === 8 * HOUR) t.at8++;
          if (mw >= 5 * DAY) t.weekend++;
        };
      });
      // Little: blocked places = ready rate x mean delay; occupancy adds the LOS.
      expectInCi('blocked_mean', col(rs, 'ward', 'blocked_mean'), lam * theory.delay);
      expectInCi('occupancy_mean', col(rs, 'ward', 'occupancy_mean'), lam * (2 * DAY + theory.delay));
      expectInCi(
        'fraction leaving at 08:00',
        tallies.map((t) => t.at8 / t.n),
        theory.at8,
      );
      expectInCi(
        'fraction leaving on Saturday or Sunday',
        tallies.map((t) => t.weekend / t.n),
        theory.weekend,
      );
    });
  }
});
