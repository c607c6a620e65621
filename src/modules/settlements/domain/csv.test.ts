import { describe, expect, it } from 'vitest';
import { csvCell, toCsv } from './csv.ts';

describe('csv', () => {
  it('writes numbers plain, quotes per RFC 4180 and guards formulas', () => {
    expect(csvCell(1234567)).toBe('1234567');
    expect(csvCell(-1500)).toBe('-1500');
    expect(csvCell(null)).toBe('');
    expect(csvCell('김영희')).toBe('김영희');
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('line\nbreak')).toBe('"line\nbreak"');
    expect(csvCell('=SUM(A1)')).toBe("'=SUM(A1)");
    expect(csvCell('+82')).toBe("'+82");
    expect(csvCell('-x')).toBe("'-x");
    expect(csvCell('@x,y')).toBe('"\'@x,y"');
  });

  it('starts with a BOM and ends lines with CRLF', () => {
    const text = toCsv(['정산ID', '총액'], [['a', 100]]);
    expect(text).toBe('\uFEFF정산ID,총액\r\na,100\r\n');
  });
});
