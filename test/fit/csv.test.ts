import { describe, expect, it } from 'vitest';
import { CsvParser } from '../../fit/csv.js';

function parse(text: string, chunk = text.length): [string[], number][] {
  const out: [string[], number][] = [];
  const p = new CsvParser((f, line) => out.push([f, line]));
  for (let i = 0; i < text.length; i += chunk) p.push(text.slice(i, i + chunk));
  p.end();
  return out;
}

describe('CsvParser', () => {
  const text = '\ufeffa,b,c\r\n1,"x, y",3\r\n"say ""hi""",,"two\nlines"\n\nlast,row,here';

  it('push(chunks) follows RFC 4180: quoted commas, doubled quotes, line breaks in fields, CRLF, BOM, blank lines', () => {
    expect(parse(text)).toEqual([
      [['a', 'b', 'c'], 1],
      [['1', 'x, y', '3'], 2],
      [['say "hi"', '', 'two\nlines'], 3],
      [['last', 'row', 'here'], 6],
    ]);
  });

  it('push(chunks) gives the same records and line numbers however the text is cut', () => {
    const whole = parse(text);
    for (const size of [1, 2, 3, 5, 7]) expect(parse(text, size)).toEqual(whole);
  });
});
