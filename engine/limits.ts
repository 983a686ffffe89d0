/**
 * Limits caresim states and refuses past, at `check` and on the command line, rather than
 * letting a run exhaust memory. Each is far above what a planning question needs.
 */
export { MAX_PATIENTS } from './patients.js';

/**
 * Replications per strategy: the runner keeps a task and a result per replication, and
 * 100,000 already give confidence intervals 70 times narrower than 20 do.
 */
export const MAX_REPLICATIONS = 100_000;

/**
 * Arrivals in one replication (warm-up and horizon): a billion already takes minutes per
 * replication; more is almost always a unit slip such as `/minute` for `/day`.
 */
export const MAX_ARRIVALS = 1e9;

/**
 * Worker threads per core: each thread holds its own heap (tens of MB), and beyond a few per
 * core they only compete for the same cores.
 */
export const MAX_WORKERS_PER_CORE = 4;
