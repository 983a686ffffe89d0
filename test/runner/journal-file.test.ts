import { describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { journalOwner, readJournalHead } from '../../runner/journal-file.js';
import { tempDir } from '../temp-dir.js';

const header = (extra = '') => `{"header":{"format":"caresim-journal/3","seed":1${extra}}}`;

describe('readJournalHead(file)', () => {
  const dir = tempDir('journal-file');
  const head = (text: string) => {
    const file = join(dir, 'j.ndjson');
    writeFileSync(file, text);
    return readJournalHead(file);
  };

  it("tells a journal from someone else's file by the whole of a header's start", () => {
    expect(head('').mayBeJournal).toBe(true);
    expect(head(header()).mayBeJournal).toBe(true);
    for (const text of ['{', '{"header":', '{"header":{"format":"other/1"}}\n']) expect(head(text).mayBeJournal).toBe(false);
  });

  it('says whether the first line is whole and whether anything follows it', () => {
    expect(head(header())).toMatchObject({ whole: false, more: false, header: null });
    expect(head(`${header()}\n`)).toMatchObject({ whole: true, more: false, header: { seed: 1 } });
    expect(head(`${header()}\n{"strategy":"b"`)).toMatchObject({ whole: true, more: true });
    // A header longer than one piece read: its newline is found further on.
    const long = header(`,"strategies":[${'"s",'.repeat(40_000)}"t"]`);
    expect(head(`${long}\n`)).toMatchObject({ whole: true, more: false, size: long.length + 1 });
    expect(head(`${long}\n`).header?.strategies).toHaveLength(40_001);
  });

  it('journalOwner names the command whose journal it is, or none', () => {
    expect(journalOwner(head(`${header()}\n`))).toBe('a run (caresim run)');
    expect(journalOwner(head(`${header(',"made_by":"sensitivity"')}\n`))).toBe('a sensitivity analysis (caresim sensitivity)');
    expect(journalOwner(head('{"format":"caresim-optimise-journal/1","seed":1}\n'))).toBe('an optimisation (caresim optimise)');
    expect(journalOwner(head('my notes\n'))).toBeNull();
    expect(journalOwner(head(''))).toBeNull();
  });
});
