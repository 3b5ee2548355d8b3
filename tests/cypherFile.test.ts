import { splitStatements } from '../src/db/cypherFile';

describe('splitStatements', () => {
  it('splits on semicolons at line ends and drops comment lines', () => {
    expect(
      splitStatements("// head\nCREATE INDEX a IF NOT EXISTS FOR (n:A) ON (n.x);\n\n// note\nRETURN ';' AS s;\n"),
    ).toEqual(['CREATE INDEX a IF NOT EXISTS FOR (n:A) ON (n.x)', "RETURN ';' AS s"]);
  });
});
