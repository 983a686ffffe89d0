/**
 * Indifference-zone selection of the SMALLEST mean by the fully sequential procedure of Kim and
 * Nelson (2001), on common random numbers: candidate i at stage r is paired with candidate l at
 * the same replication, and the continuation region uses the sample variance of the paired
 * DIFFERENCES X_i - X_l (not of each arm), which is what common random numbers make small.
 *
 * With probability at least 1 - alpha the candidate kept has the smallest true mean, or one within
 * `delta` of it (normal observations; the usual large-sample reading otherwise).
 * For minimisation, i is eliminated when its mean is above some l's by more than W_il(r):
 *   W_il(r) = max(0, delta / (2r) * (h^2 S^2_il / delta^2 - r)),
 *   h^2 = (n0 - 1) * ((2 alpha / (k - 1))^(-2 / (n0 - 1)) - 1).
 */

export interface SelectInput {
  k: number;
  /** First-stage size (at least 2). */
  n0: number;
  alpha: number;
  /** Indifference zone, in the units of the values (> 0). */
  delta: number;
  /** Stage at which sampling stops even with several left (a budget). */
  maxN: number;
  /** Makes stages [from, from + count) of the listed candidates available to `value`. */
  fetch(alive: readonly number[], from: number, count: number): Promise<void>;
  /** Observation of candidate i at stage r (0-based); smaller is better. */
  value(i: number, r: number): number;
  /** Stages fetched at a time after the first (default 5): fewer round trips to the workers. */
  batch?: number;
}

export interface Elimination {
  index: number;
  stage: number;
  by: number;
}

export interface SelectOutcome {
  chosen: number;
  /** Candidates still in when sampling stopped (one, unless the budget stopped it). */
  survivors: number[];
  /** Stage count reached by the survivors. */
  stages: number;
  eliminated: Elimination[];
  /** Stages each candidate took part in. */
  stagesOf: number[];
  stoppedByBudget: boolean;
}

/** KN's h^2 for k candidates, first stage n0 and error alpha. */
export function knH2(k: number, n0: number, alpha: number): number {
  if (k < 2) return 0;
  return (n0 - 1) * (Math.pow((2 * alpha) / (k - 1), -2 / (n0 - 1)) - 1);
}

export async function selectBest(inp: SelectInput): Promise<SelectOutcome> {
  const { k, n0, alpha, delta, maxN } = inp;
  if (k < 1) throw new Error('selectBest needs at least one candidate');
  if (n0 < 2) throw new Error('selectBest needs a first stage of at least 2');
  const all = Array.from({ length: k }, (_, i) => i);
  const stagesOf = new Array<number>(k).fill(0);
  const eliminated: Elimination[] = [];
  if (k === 1) {
    return { chosen: 0, survivors: [0], stages: 0, eliminated, stagesOf, stoppedByBudget: false };
  }
  await inp.fetch(all, 0, n0);
  const h2 = knH2(k, n0, alpha);
  // Variance of paired differences from the first stage.
  const s2 = Array.from({ length: k }, () => new Float64Array(k));
  const sum = new Float64Array(k);
  for (let i = 0; i < k; i++) for (let r = 0; r < n0; r++) sum[i] += inp.value(i, r);
  for (let i = 0; i < k; i++) {
    for (let l = i + 1; l < k; l++) {
      const md = (sum[i] - sum[l]) / n0;
      let ss = 0;
      for (let r = 0; r < n0; r++) {
        const d = inp.value(i, r) - inp.value(l, r) - md;
        ss += d * d;
      }
      s2[i][l] = s2[l][i] = ss / (n0 - 1);
    }
  }
  let alive = all.slice();
  let r = n0;
  const batch = Math.max(1, inp.batch ?? 5);
  let fetched = n0;
  for (;;) {
    // Screening at stage r (r observations each).
    const out = new Set<number>();
    for (const i of alive) {
      for (const l of alive) {
        if (l === i) continue;
        const w = Math.max(0, (delta / (2 * r)) * ((h2 * s2[i][l]) / (delta * delta) - r));
        // Minimisation: i is out when its sum is above l's by more than r * W.
        if (sum[i] / r > sum[l] / r + w) {
          out.add(i);
          eliminated.push({ index: i, stage: r, by: l });
          break;
        }
      }
    }
    for (const i of alive) stagesOf[i] = r;
    alive = alive.filter((i) => !out.has(i));
    if (alive.length <= 1 || r >= maxN) break;
    if (r >= fetched) {
      const count = Math.min(batch, maxN - fetched);
      await inp.fetch(alive, fetched, count);
      fetched += count;
    }
    for (const i of alive) sum[i] += inp.value(i, r);
    r++;
  }
  const best = alive.reduce((b, i) => (sum[i] < sum[b] ? i : b), alive[0]);
  return { chosen: best, survivors: alive, stages: r, eliminated, stagesOf, stoppedByBudget: alive.length > 1 };
}
