/** Errors raised by the engine carry a stable code and where in the simulation they arose. */
import { DAY } from './calendar.js';

export type SimulationErrorCode = 'BAD_MODEL' | 'BAD_SAMPLE' | 'TOO_MANY_PATIENTS';

export class SimulationError extends Error {
  readonly code: SimulationErrorCode;
  /** Simulated time in minutes (NaN when raised before the run started). */
  readonly time: number;
  readonly unit: string | null;
  readonly patient: number | null;

  constructor(code: SimulationErrorCode, message: string, where: { time?: number; unit?: string | null; patient?: number | null } = {}) {
    const at = where.time === undefined || Number.isNaN(where.time) ? '' : ` (at t=${(where.time / DAY).toFixed(3)} days`;
    const u = where.unit ? `${at ? ', ' : ' ('}unit ${where.unit}` : '';
    const close = at || u ? ')' : '';
    super(`${message}${at}${u}${close}`);
    this.name = 'SimulationError';
    this.code = code;
    this.time = where.time ?? NaN;
    this.unit = where.unit ?? null;
    this.patient = where.patient ?? null;
  }
}
