/**
 * Telling a run's journal from a results file by its first line. Every command that reads a
 * results file (report, view, diff, compare) is sometimes handed the journal beside it: an
 * unfinished or still running run has no results file yet, only `OUT.journal.ndjson`. Saying
 * "not JSON" would send the planner looking for a broken file; saying "journal" says what to
 * give instead. Isomorphic: the compare reader runs in the browser too.
 */

/**
 * The journal's header line, of any version: `{"header":{"format":"caresim-journal/N",...}}`
 * (runner/journal.ts), or `{"format":"caresim-journal/1",...}` before the header had a key of
 * its own. Matched on the text, so a header cut short, or one line of a journal too large to
 * read whole, is still recognised.
 */
const HEADER = /^\uFEFF?\s*\{\s*(?:"header"\s*:\s*\{\s*)?"format"\s*:\s*"caresim-journal\//;

/** Whether `text` (a whole file or its first bytes) starts with a journal's header line. */
export function isJournalText(text: string): boolean {
  return HEADER.test(text.slice(0, 4096));
}

/** What the journal is and what to give instead, in the words every command uses. */
export const JOURNAL_GIVEN = {
  what: 'the journal of an unfinished or running run, not a results file',
  instead: "give the run's --out file, written when the run finishes, or finish an interrupted run with the same command and --resume",
} as const;
