import { describe, expect, it } from 'vitest';
import { Counts } from '../../fit/counts.js';

describe('Counts.add', () => {
  it('add(row) takes a count written in digits only: 1e3, 0x10, 2.5, -3 and a 20-digit number are bad rows with their line', () => {
    const t = new Counts({ date: 0, count: 1, stream: -1 }, 2);
    const rows = ['7', '1e3', '0x10', '2.5', '-3', '99999999999999999999', ' 12 ', '0', ''];
    rows.forEach((c, i) => t.add([`2027-01-${String(i + 1).padStart(2, '0')}`, c], i + 2));
    expect(t.bad.listed.map((b) => b.line)).toEqual([3, 4, 5, 6, 7, 10]);
    expect(t.bad.listed[0].reason).toBe('count "1e3" is not a whole number >= 0');
    expect([...t.streams.get('arrivals')!.values()]).toEqual([7, 12, 0]);
  });
});
