import { INVISIBLE_CHARACTERS, invisibleCharacterIn } from '../src/domain/rules';

describe('invisibleCharacterIn', () => {
  it('names the first bidirectional or invisible character, its code point and its position', () => {
    expect(invisibleCharacterIn('ab\u202Egnp.exe')).toBe('contains U+202E RIGHT-TO-LEFT OVERRIDE at position 3');
    expect(invisibleCharacterIn('🤖\u200Bx')).toBe('contains U+200B ZERO WIDTH SPACE at position 2');
    expect(invisibleCharacterIn('\u061C')).toBe('contains U+061C ARABIC LETTER MARK at position 1');
  });

  it('refuses each listed character and lets Korean, emoji and other text through', () => {
    const refused = [
      ...[0x202a, 0x202b, 0x202c, 0x202d, 0x202e, 0x2066, 0x2067, 0x2068, 0x2069, 0x200e, 0x200f, 0x061c],
      ...[0x200b, 0x200c, 0x200d, 0x2060, 0x2061, 0x2062, 0x2063, 0x2064, 0xfeff, 0x180e],
    ];
    expect(Object.keys(INVISIBLE_CHARACTERS).map(Number).sort()).toEqual([...refused].sort());
    for (const code of refused) expect(invisibleCharacterIn(`x${String.fromCodePoint(code)}`)).toMatch(/^contains U\+/);
    for (const text of ['하이퍼클로바X 씽크', 'ＯｐｅｎＡＩ', '🤖🚀', 'Société Générale', 'Zhipu 智谱', 'a b'])
      expect(invisibleCharacterIn(text)).toBeNull();
  });
});
