/**
 * An RFC 4180 CSV parser fed chunk by chunk: quoted fields may hold commas, doubled quotes
 * and line breaks, so records are found by a small state machine rather than by splitting
 * lines. Each record goes to the callback with the line it started on and is then dropped:
 * nothing of the file is kept.
 */
/** `unclosedTo`: set on the last record when a quote it opened is never closed: the line it ran to (the end of the file). */
export type RecordSink = (fields: string[], line: number, unclosedTo?: number) => void;

export class CsvParser {
  private field = '';
  private fields: string[] = [];
  private quoted = false;
  /** Just saw a quote inside a quoted field: either an escaped quote or the closing one. */
  private quoteSeen = false;
  private line = 1;
  private recordLine = 1;
  private atStart = true;
  private lastWasCr = false;

  constructor(private readonly sink: RecordSink) {}

  push(chunk: string): void {
    // PERF: fields are cut with slice between special characters, not built a char at a time.
    let i = 0;
    const n = chunk.length;
    if (this.atStart && chunk.charCodeAt(0) === 0xfeff) i = 1; // byte-order mark
    this.atStart = false;
    while (i < n) {
      if (this.quoted) {
        const q = chunk.indexOf('"', i);
        if (q < 0) {
          this.countLines(chunk, i, n);
          this.field += chunk.slice(i, n);
          return;
        }
        this.countLines(chunk, i, q);
        this.field += chunk.slice(i, q);
        i = q + 1;
        this.quoted = false;
        this.quoteSeen = true;
        continue;
      }
      const c = chunk.charCodeAt(i);
      if (this.quoteSeen && c === 34) {
        this.field += '"';
        this.quoted = true;
        this.quoteSeen = false;
        i++;
        continue;
      }
      this.quoteSeen = false;
      if (c === 34 && this.field === '') {
        this.quoted = true;
        i++;
        continue;
      }
      if (c === 44) {
        this.fields.push(this.field);
        this.field = '';
        i++;
        this.lastWasCr = false;
        continue;
      }
      if (c === 10 || c === 13) {
        if (c === 10 && this.lastWasCr) {
          this.lastWasCr = false;
          i++;
          continue;
        }
        this.lastWasCr = c === 13;
        this.endRecord();
        this.line++;
        this.recordLine = this.line;
        i++;
        continue;
      }
      this.lastWasCr = false;
      // Plain run up to the next special character.
      let j = i + 1;
      while (j < n) {
        const d = chunk.charCodeAt(j);
        if (d === 44 || d === 10 || d === 13 || d === 34) break;
        j++;
      }
      this.field += chunk.slice(i, j);
      i = j;
    }
  }

  /** Flushes the last record (a file need not end with a line break). */
  end(): void {
    if (this.field !== '' || this.fields.length > 0 || this.quoted)
      this.endRecord(this.quoted ? this.line - (/[\r\n]$/.test(this.field) ? 1 : 0) : undefined);
  }

  private countLines(s: string, from: number, to: number): void {
    for (let k = from; k < to; k++) {
      const c = s.charCodeAt(k);
      if (c === 10 && !(k > from && s.charCodeAt(k - 1) === 13)) this.line++;
      else if (c === 13) this.line++;
    }
  }

  private endRecord(unclosedTo?: number): void {
    this.fields.push(this.field);
    const f = this.fields;
    this.fields = [];
    this.field = '';
    this.quoted = false;
    // Blank lines are not records.
    if (unclosedTo !== undefined) this.sink(f, this.recordLine, unclosedTo);
    else if (!(f.length === 1 && f[0] === '')) this.sink(f, this.recordLine);
  }
}
