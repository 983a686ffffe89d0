/**
 * The width of a line of help text in terminal columns, for the help layout's string-width.
 *
 * PERF: the three copies of string-width that yargs, cliui and wrap-ansi bring each build an
 * `Intl.Segmenter` and Unicode-property regular expressions when loaded, the newest one
 * `\p{RGI_Emoji}`: about a fifth of `caresim check`'s instructions and 35-40 ms of every
 * command's start-up, though only help and usage text is ever measured. The build
 * (build.mjs, `lazyStringWidth`) puts this answer in front of each copy and loads the copy
 * only for text it does not cover, the first time such text is measured.
 */

/** Printable ASCII only: no escapes, controls, combining marks, wide or ambiguous characters. */
const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;

/**
 * The number of columns string-width gives `text` when that is its length (text of printable
 * ASCII, the empty string included; every version in the tree agrees, a test holds them to
 * it); undefined for anything else, which only string-width itself can measure.
 */
export function asciiWidth(text: unknown): number | undefined {
  return typeof text === 'string' && PRINTABLE_ASCII.test(text) ? text.length : undefined;
}
