import { csv } from '../src/imports/csv';
import { ImportFormatError } from '../src/imports/importBatch';

/** Given CSV text, returns the message csv() refuses it with. */
function refusal(text: string): string {
  try {
    csv(text, 'f.csv');
  } catch (error) {
    expect(error).toBeInstanceOf(ImportFormatError);
    return (error as Error).message;
  }
  throw new Error('csv() accepted the text');
}

describe('csv', () => {
  it('reads a header and rows, each with the line it starts on', () => {
    expect(csv('a,b,c\n1,2,3\n4,,6\n', 'f.csv')).toEqual({
      header: ['a', 'b', 'c'],
      rows: [
        { fields: ['1', '2', '3'], line: 2 },
        { fields: ['4', '', '6'], line: 3 },
      ],
    });
  });

  it('reads CRLF line breaks, a UTF-8 byte order mark and a last row without a line break', () => {
    expect(csv('\uFEFFModel,Org\r\nGPT-3,OpenAI\r\nPaLM,Google', 'f.csv')).toEqual({
      header: ['Model', 'Org'],
      rows: [
        { fields: ['GPT-3', 'OpenAI'], line: 2 },
        { fields: ['PaLM', 'Google'], line: 3 },
      ],
    });
  });

  it('reads quoted fields with commas, doubled quotes and line breaks, counting the lines they span', () => {
    const text = 'name,note,n\n"a, b","say ""hi""",1\n"multi\nline\r\ncell","",2\nlast,"x,\n",3\n';
    expect(csv(text, 'f.csv').rows).toEqual([
      { fields: ['a, b', 'say "hi"', '1'], line: 2 },
      { fields: ['multi\nline\r\ncell', '', '2'], line: 3 },
      { fields: ['last', 'x,\n', '3'], line: 6 },
    ]);
  });

  it('ends at blank lines after the last row, and reads a header alone as no rows', () => {
    expect(csv('a,b\n1,2\n\n\r\n', 'f.csv').rows).toEqual([{ fields: ['1', '2'], line: 2 }]);
    expect(csv('a,b\n', 'f.csv')).toEqual({ header: ['a', 'b'], rows: [] });
  });

  it('refuses an empty file, a byte order mark alone or blank lines', () => {
    expect(refusal('')).toBe('f.csv: empty file');
    expect(refusal('\uFEFF')).toBe('f.csv: empty file');
    expect(refusal('\n \r\n')).toBe('f.csv: empty file');
  });

  it('refuses a file cut inside a quoted field, naming the line its row starts on', () => {
    expect(refusal('a,b\n1,2\n3,"cut\nhere')).toBe(
      'f.csv:3: a quoted field is never closed (truncated file?) in the row starting on this line',
    );
  });

  it('refuses a last row with fewer fields than the header as a truncated file', () => {
    expect(refusal('a,b,c\n1,2,3\n"x\ny",5')).toBe(
      'f.csv:3: last row has 2 fields, the header has 3 (truncated file?)',
    );
  });

  it('refuses any other row with a wrong number of fields, naming its line', () => {
    expect(refusal('a,b\n1,2\n3,4,5\n6,7\n')).toBe('f.csv:3: row has 3 fields, the header has 2');
    expect(refusal('a,b\n1,2\n\n6,7\n')).toBe('f.csv:3: row has 1 field, the header has 2');
    expect(refusal('a,b\n1,2\n3,4,5')).toBe('f.csv:3: row has 3 fields, the header has 2');
  });

  it('refuses quotes where RFC 4180 allows none', () => {
    expect(refusal('a,b\n1,x"y"\n')).toBe('f.csv:2: a quote inside an unquoted field (not a CSV file?)');
    expect(refusal('a,b\n1,"x"y\n')).toBe('f.csv:2: text after a closing quote (a field is badly quoted)');
    expect(refusal('{"models": [1, 2]}')).toBe('f.csv:1: a quote inside an unquoted field (not a CSV file?)');
  });
});
