/**
 * Exact results for a three-station tandem with finite buffers and blocking after service,
 * by solving its continuous-time Markov chain: no closed form exists, so the generator is
 * built on the finite state space and pi Q = 0 is solved numerically (LU decomposition, with
 * one balance equation replaced by sum(pi) = 1).
 *
 * Station 1: c1 places, no queue (an arrival that finds it full is lost). Station 2: c2
 * places and k2 waiting places. Station 3: c3 places and k3 waiting places, then home. All
 * times exponential. A patient whose next station has neither a free place nor a free
 * waiting place keeps its place (blocked) until one frees; a freed place goes to the queue
 * head, whose freed waiting place goes to the longest-blocked patient, cascading upstream.
 */
import { lusolve } from 'mathjs';

export interface Tandem {
  lambda: number;
  c1: number;
  mu1: number;
  c2: number;
  k2: number;
  mu2: number;
  c3: number;
  k3: number;
  mu3: number;
}

/** [in service at 1, blocked at 1, in service at 2, blocked at 2, queued at 2, at 3, queued at 3]. */
type State = [number, number, number, number, number, number, number];

interface Move {
  to: State;
  rate: number;
  /** A patient leaving station 1 found every place at 2 taken. */ waits: boolean;
  leaves1: boolean;
}

/** A place at station 2 freed: the queue head takes it, the longest-blocked at 1 takes the waiting place. */
function fill2(s: State): void {
  if (s[4] > 0) {
    s[4]--;
    s[2]++;
    if (s[1] > 0) {
      s[1]--;
      s[4]++;
    }
  } else if (s[1] > 0) {
    s[1]--;
    s[2]++;
  }
}

/** A place at station 3 freed: likewise, and a patient blocked at 2 who moves frees a place there. */
function fill3(s: State): void {
  if (s[6] > 0) {
    s[6]--;
    s[5]++;
    if (s[3] > 0) {
      s[3]--;
      s[6]++;
      fill2(s);
    }
  } else if (s[3] > 0) {
    s[3]--;
    s[5]++;
    fill2(s);
  }
}

function moves(t: Tandem, s: State): Move[] {
  const out: Move[] = [];
  const [n1, , n2, b2, q2, n3, q3] = s;
  if (s[0] + s[1] < t.c1) {
    const x = [...s] as State;
    x[0]++;
    out.push({ to: x, rate: t.lambda, waits: false, leaves1: false });
  }
  if (n1 > 0) {
    const x = [...s] as State;
    x[0]--;
    const full = n2 + b2 >= t.c2;
    if (!full) x[2]++;
    else if (q2 < t.k2) x[4]++;
    else x[1]++;
    out.push({ to: x, rate: n1 * t.mu1, waits: full, leaves1: true });
  }
  if (n2 > 0) {
    const x = [...s] as State;
    x[2]--;
    if (n3 < t.c3) {
      x[5]++;
      fill2(x);
    } else if (q3 < t.k3) {
      x[6]++;
      fill2(x);
    } else x[3]++;
    out.push({ to: x, rate: n2 * t.mu2, waits: false, leaves1: false });
  }
  if (n3 > 0) {
    const x = [...s] as State;
    x[5]--;
    fill3(x);
    out.push({ to: x, rate: n3 * t.mu3, waits: false, leaves1: false });
  }
  return out;
}

export interface TandemExact {
  states: number;
  /** Share of patients reaching station 2 who find every place there taken (so wait in its queue). */
  pWait2: number;
  /** Mean queue length at station 2, mean places held at 1 by blocked patients. */
  queue2: number;
  blocked1: number;
  /** Share of arrivals lost at station 1. */
  lost1: number;
}

export function solveTandem(t: Tandem): TandemExact {
  const start: State = [0, 0, 0, 0, 0, 0, 0];
  const index = new Map<string, number>([[start.join(), 0]]);
  const states: State[] = [start];
  const edges: Move[][] = [];
  for (let i = 0; i < states.length; i++) {
    const ms = moves(t, states[i]);
    edges.push(ms);
    for (const m of ms) {
      const key = m.to.join();
      if (!index.has(key)) {
        index.set(key, states.length);
        states.push(m.to);
      }
    }
  }
  const n = states.length;
  // A[j][i] = Q[i][j]: the balance equations sum_i pi_i Q[i][j] = 0, one row per state j.
  const A = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  edges.forEach((ms, i) => {
    for (const m of ms) {
      const j = index.get(m.to.join())!;
      if (j === i) continue;
      A[j][i] += m.rate;
      A[i][i] -= m.rate;
    }
  });
  A[n - 1].fill(1); // replace the last balance equation by the normalisation
  const b = new Array<number>(n).fill(0);
  b[n - 1] = 1;
  const pi = (lusolve(A, b) as number[][]).map((r) => r[0]);
  let wait = 0,
    leave1 = 0,
    queue2 = 0,
    blocked1 = 0,
    full1 = 0;
  states.forEach((s, i) => {
    queue2 += pi[i] * s[4];
    blocked1 += pi[i] * s[1];
    if (s[0] + s[1] >= t.c1) full1 += pi[i];
    for (const m of edges[i])
      if (m.leaves1) {
        leave1 += pi[i] * m.rate;
        if (m.waits) wait += pi[i] * m.rate;
      }
  });
  return { states: n, pWait2: wait / leave1, queue2, blocked1, lost1: full1 };
}
