/**
 * Which column holds what: the header row, matched case-insensitively to the field names,
 * after the user's renames (`--col admitted=AdmitDate`). The kind of extract follows from the
 * columns found: stays need unit, admitted and discharged; counts need date and count.
 */
export const STAY_FIELDS = ['unit', 'admitted', 'discharged', 'ready', 'destination', 'cohort'] as const;
export const COUNT_FIELDS = ['date', 'count', 'stream'] as const;
export type StayField = (typeof STAY_FIELDS)[number];
export type CountField = (typeof COUNT_FIELDS)[number];

export type Layout = { kind: 'stays'; col: Record<StayField, number> } | { kind: 'counts'; col: Record<CountField, number> };

export class ColumnError extends Error {}

/** Parses `field=Header` renames; throws ColumnError on a bad one. */
export function parseRenames(list: readonly string[]): Map<string, string> {
  const out = new Map<string, string>();
  const known: readonly string[] = [...STAY_FIELDS, ...COUNT_FIELDS];
  for (const s of list) {
    const eq = s.indexOf('=');
    const field = s.slice(0, eq).trim().toLowerCase(),
      header = s.slice(eq + 1).trim();
    if (eq < 1 || header === '') throw new ColumnError(`--col: expected FIELD=HEADER (e.g. admitted=AdmitDate), got "${s}"`);
    if (!known.includes(field)) throw new ColumnError(`--col: "${field}" is not a field; fields are ${known.join(', ')}`);
    out.set(field, header.toLowerCase());
  }
  return out;
}

/** A header read as one field that holds `;` or tabs: the file is not comma-separated. */
function separatorHint(header: readonly string[]): string {
  if (header.length !== 1) return '';
  const sep = header[0].includes(';') ? 'semicolons' : header[0].includes('\t') ? 'tabs' : '';
  return sep
    ? `. The columns seem to be separated by ${sep}: caresim reads comma-separated CSV (save as "CSV (comma delimited)") or .xlsx`
    : '';
}

export function layout(header: readonly string[], renames: Map<string, string>): Layout {
  const names = header.map((h) => h.trim().toLowerCase());
  const find = (f: string): number => names.indexOf(renames.get(f) ?? f);
  // Two columns of the name of a field read: which one holds it cannot be guessed.
  const unique = (fields: readonly string[]): void => {
    // And two fields read from one column (`--col discharged=admitted`) would make every stay zero days.
    const readers = new Map<number, string>();
    for (const f of fields) {
      const i = find(f),
        other = readers.get(i);
      if (i >= 0 && other)
        throw new ColumnError(
          `${other} and ${f} would both be read from the column "${header[i].trim()}"; map each field to its own column with --col`,
        );
      readers.set(i, f);
    }
    for (const f of fields) {
      const i = find(f),
        j = i >= 0 ? names.indexOf(names[i], i + 1) : -1;
      if (j >= 0)
        throw new ColumnError(
          `the header has two columns "${header[i].trim()}" (columns ${i + 1} and ${j + 1}): rename one, or read the field from another column with --col ${f}=HEADER`,
        );
    }
  };
  const missingFor = (fields: readonly string[]) =>
    fields.filter((f) => find(f) < 0).map((f) => (renames.has(f) ? `${f} (column "${renames.get(f)}")` : f));
  if (['unit', 'admitted', 'discharged'].every((f) => find(f) < 0) && ['date', 'count'].every((f) => find(f) < 0)) {
    throw new ColumnError(
      `the header has ${header.join(', ')}: neither a stays extract (needs unit, admitted, discharged) nor counts (needs date, count); map columns with --col FIELD=HEADER, e.g. --col admitted=AdmitDate${separatorHint(header)}`,
    );
  }
  if (find('admitted') >= 0 || find('unit') >= 0 || find('discharged') >= 0) {
    const missing = missingFor(['unit', 'admitted', 'discharged']);
    if (missing.length)
      throw new ColumnError(
        `a stays extract needs the columns ${missing.join(', ')}; the header has ${header.join(', ')} (rename with --col FIELD=HEADER)`,
      );
    unique(STAY_FIELDS);
    const col = Object.fromEntries(STAY_FIELDS.map((f) => [f, find(f)])) as Record<StayField, number>;
    return { kind: 'stays', col };
  }
  const missing = missingFor(['date', 'count']);
  if (missing.length) {
    throw new ColumnError(
      `the header has ${header.join(', ')}: expected a stays extract (unit, admitted, discharged, ...) or counts (date, count, stream); missing ${missing.join(', ')} (rename with --col FIELD=HEADER)`,
    );
  }
  unique(COUNT_FIELDS);
  return { kind: 'counts', col: Object.fromEntries(COUNT_FIELDS.map((f) => [f, find(f)])) as Record<CountField, number> };
}
