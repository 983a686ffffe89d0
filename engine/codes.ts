/**
 * The small integer codes the engine's columns hold: a patient's status, a unit's rule for who
 * gets a freed place, how a source makes arrivals, a sampler's distribution.
 * PERF: they live in a module that imports nothing. The bundler writes a constant in as a
 * number only when its module has no imports of values; from any other module every use in the
 * hot code is a load from that module's scope instead of a number in the instruction.
 */

/** A patient's status: codes of `Patients.status`. */
export const FREE = 0,
  QUEUED = 1,
  SERVING = 2,
  DONE = 3,
  BLOCKED = 4;

/** Who gets a freed place: codes of `UnitColumns.prio`. */
export const LONGEST_WAITING_FIRST = 0,
  QUEUE_FIRST = 1,
  BLOCKED_FIRST = 2;

/** How a source generates arrivals: codes of `SourceColumns.mode`. */
export const POISSON = 0,
  THINNED = 1,
  TIMETABLE = 2;

/** The distribution a sampler draws from: codes of its `kind`. */
export const FIXED = 0,
  EXPONENTIAL = 1,
  LOGNORMAL = 2,
  GAMMA = 3,
  ERLANG = 4,
  WEIBULL = 5,
  UNIFORM = 6,
  TRIANGULAR = 7,
  EMPIRICAL = 8;
