/** Extract names (units, destinations, cohorts, streams) to scenario names: letters, digits and `_`. */
export function ident(name: string): string {
  let s = name.trim().toLowerCase().replace(/[^a-z0-9_]+/g, '_').replace(/^_+|_+$/g, '');
  if (s === '') s = 'x';
  if (/^[0-9]/.test(s)) s = `u_${s}`;
  return s;
}

/** One scenario name per distinct extract name, made unique with a suffix when two collide. */
export class Names {
  private readonly map = new Map<string, string>();
  private readonly used = new Set<string>();
  get(name: string): string {
    let v = this.map.get(name);
    if (v) return v;
    const base = ident(name);
    v = base;
    for (let k = 2; this.used.has(v); k++) v = `${base}_${k}`;
    this.map.set(name, v); this.used.add(v);
    return v;
  }
}
