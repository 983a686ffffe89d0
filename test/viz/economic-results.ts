/**
 * A results file with an economic case, made by running a small scenario through the runner
 * (nothing copied from a run): a strategy that buys home-care places with a one-off cost, and
 * a closure of acute beds that pays back after a one-off cost, and a process change that buys
 * nothing (so it has no return on investment).
 */
import { loadScenarioText } from '../../scenarios/index.js';
import { runScenario } from '../../runner/index.js';
import type { Results } from '../../results/index.js';

const SCENARIO = `
caresim: 1
name: Economics test
time: { horizon: 120 days, warmup: 20 days, start: 2027-01-04 }
replications: 8
seed: 5
arrivals:
  adm: { rate: 8/day, to: acute }
units:
  acute: { kind: beds, role: acute, capacity: 60, los: exponential(5 days), next: { p1: 40%, home: rest },
           handoff: { p1: exponential(2 days) }, cost_place: 345/day }
  p1:    { kind: homecare, role: p1, capacity: 40, los: exponential(14 days), queue: none, next: home, cost_place: 50/day }
strategies:
  more-p1:
    label: Ten more home-care places
    set: { units.p1.capacity: 50 }
    one_off: 20000
  close-beds:
    label: Four acute beds closed
    set: { units.acute.capacity: 56 }
    one_off: 100000
  close-now:
    label: Four acute beds closed at no cost
    set: { units.acute.capacity: 56 }
  faster:
    label: Faster hand-offs
    set: { units.acute.handoff.p1: exponential(1 day) }
`;

/** Results of the economics scenario (in-process, 8 replications a strategy). */
export async function economicResults(): Promise<Results> {
  const sc = loadScenarioText(SCENARIO, 'economics.yaml');
  return JSON.parse(JSON.stringify(await runScenario(sc, { workers: 0 }))) as Results;
}
