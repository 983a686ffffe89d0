import { describe, it, expect } from 'vitest';
import { sortDiagnostics, type Diagnostic } from '../../scenarios/errors.js';

const d = (file: string, line: number, col: number, severity: Diagnostic['severity'], code: string): Diagnostic => ({
  severity,
  code,
  file,
  line,
  col,
  path: '',
  message: code,
});

describe('sortDiagnostics', () => {
  it('orders by file, line, column, then errors before warnings, and leaves the input as it was', () => {
    const input = [
      d('b.yaml', 1, 1, 'error', 'b1'),
      d('a.yaml', 9, 2, 'warning', 'a9w'),
      d('a.yaml', 9, 2, 'error', 'a9e'),
      d('a.yaml', 9, 1, 'warning', 'a9c1'),
      d('a.yaml', 2, 5, 'error', 'a2'),
    ];
    const before = input.map((x) => x.code);
    expect(sortDiagnostics(input).map((x) => x.code)).toEqual(['a2', 'a9c1', 'a9e', 'a9w', 'b1']);
    expect(input.map((x) => x.code)).toEqual(before);
  });
});
