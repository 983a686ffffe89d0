/**
 * Rows that could not be used, each with its line number and the reason. The first
 * MAX_LISTED are kept word for word; beyond that only the count per reason grows, so a file
 * of a million bad rows cannot exhaust memory (the summary says how many were not listed).
 */
export interface BadRow {
  line: number;
  reason: string;
}

export const MAX_LISTED = 10_000;

export class BadRows {
  readonly listed: BadRow[] = [];
  count = 0;
  add(line: number, reason: string): void {
    this.count++;
    if (this.listed.length < MAX_LISTED) this.listed.push({ line, reason });
  }
}
