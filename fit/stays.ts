/**
 * The stays extract, row by row: each row is checked and either kept as numbers in typed
 * columns (unit, cohort and destination as small integers) or reported with its line and
 * reason. Nothing of the text is kept.
 */
import { BadRows } from './bad-rows.js';
import { Column, Interner } from './growable.js';
import { parseDate, notADate } from './dates.js';
import type { StayField } from './columns.js';

export class Stays {
  readonly units = new Interner();
  readonly cohorts = new Interner();
  readonly destinations = new Interner();
  readonly unit = new Column();
  readonly cohort = new Column();
  readonly destination = new Column();
  readonly admitted = new Column();
  /** NaN = still in. */
  readonly discharged = new Column();
  /** NaN = not recorded. */
  readonly ready = new Column();
  /** Bit 1: admitted has a time of day; bit 2: some date of the row has one. */
  readonly timed = new Column();
  readonly bad = new BadRows();
  rows = 0;
  first = Infinity;
  last = -Infinity;
  readonly hasReady: boolean;
  readonly hasCohort: boolean;
  readonly hasDestination: boolean;

  constructor(
    private readonly col: Record<StayField, number>,
    private readonly width: number,
    private readonly end: number | null,
  ) {
    this.hasReady = col.ready >= 0;
    this.hasCohort = col.cohort >= 0;
    this.hasDestination = col.destination >= 0;
  }

  add(f: string[], line: number): void {
    this.rows++;
    if (f.length !== this.width)
      return this.bad.add(line, `has ${f.length} field${f.length === 1 ? '' : 's'}, the header has ${this.width}`);
    const c = this.col;
    const unit = f[c.unit].trim();
    if (unit === '') return this.bad.add(line, 'unit is blank');
    const date = (field: 'admitted' | 'discharged' | 'ready', required: boolean): number | null | undefined => {
      const text = c[field] >= 0 ? f[c[field]].trim() : '';
      if (text === '') {
        if (required) this.bad.add(line, `${field} is blank`);
        return required ? undefined : null;
      }
      const d = parseDate(text);
      if (!d) {
        this.bad.add(line, `${field} "${text}" ${notADate(text)}`);
        return undefined;
      }
      if (d.hasTime) timed |= field === 'admitted' ? 3 : 2;
      return d.day;
    };
    let timed = 0;
    const adm = date('admitted', true);
    if (adm === undefined || adm === null) return;
    const dis = date('discharged', false);
    if (dis === undefined) return;
    const rdy = date('ready', false);
    if (rdy === undefined) return;
    if (dis !== null && dis < adm)
      return this.bad.add(line, `discharged (${f[c.discharged].trim()}) is before admitted (${f[c.admitted].trim()})`);
    if (rdy !== null && rdy < adm) return this.bad.add(line, `ready (${f[c.ready].trim()}) is before admitted (${f[c.admitted].trim()})`);
    if (rdy !== null && dis !== null && rdy > dis)
      return this.bad.add(line, `ready (${f[c.ready].trim()}) is after discharged (${f[c.discharged].trim()})`);
    if (this.end !== null && adm > this.end) return this.bad.add(line, 'admitted after the extract end (--end)');
    this.unit.push(this.units.id(unit));
    const coh = this.hasCohort ? f[c.cohort].trim() : '';
    this.cohort.push(coh === '' ? -1 : this.cohorts.id(coh));
    const dst = this.hasDestination ? f[c.destination].trim() : '';
    this.destination.push(dst === '' ? -1 : this.destinations.id(dst));
    this.admitted.push(adm);
    this.discharged.push(dis ?? NaN);
    this.ready.push(rdy ?? NaN);
    this.timed.push(timed);
    this.first = Math.min(this.first, adm);
    this.last = Math.max(this.last, adm, dis ?? -Infinity, rdy ?? -Infinity);
  }

  get used(): number {
    return this.unit.length;
  }
  /** The end of the extract: --end, or the latest date seen. */
  get endDay(): number {
    return this.end ?? this.last;
  }
}
