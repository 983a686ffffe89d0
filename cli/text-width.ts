/**
 * The width of a line of help text in terminal columns, for the help layout's string-width:
 * the answer the build puts in front of each copy of string-width, so that a command loads a
 * copy (and the Unicode tables it builds when loaded) only for text this does not cover
 * (build.mjs, `lazyStringWidth`).
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
