import iconv from 'iconv-lite';
import { decodeText } from './text-encoding';

const UTF8_MARK = Buffer.from([0xef, 0xbb, 0xbf]);
const UTF16_MARK = Buffer.from([0xff, 0xfe]);

describe('decodeText', () => {
  it('reads UTF-8 with and without its byte order mark, and UTF-16 with its mark', () => {
    expect(decodeText(Buffer.from('编号,名称\n', 'utf8'))).toBe('编号,名称\n');
    expect(decodeText(Buffer.concat([UTF8_MARK, Buffer.from('编号,名称\n', 'utf8')]))).toBe('编号,名称\n');
    expect(decodeText(Buffer.concat([UTF16_MARK, Buffer.from('编号\t名称\n', 'utf16le')]))).toBe(
      '编号\t名称\n',
    );
  });

  it('reads text that is not UTF-8 as GB18030 (plain "CSV" saved by Excel on Chinese Windows)', () => {
    expect(decodeText(iconv.encode('编号,名称\n', 'gb18030'))).toBe('编号,名称\n');
  });

  it('keeps a file marked UTF-8 in UTF-8 even where its bytes are broken', () => {
    expect(decodeText(Buffer.concat([UTF8_MARK, Buffer.from([0xff]), Buffer.from('名称')]))).toBe(
      '\ufffd名称',
    );
  });

  it('does not take GB18030 text whose first bytes resemble a byte order mark for marked text', () => {
    // 嵇 is EF FA and 亏 BF F7; 一 is D2 BB; 锘 is EF BB; 二 is B6 FE.
    for (const text of ['嵇亏', '一亏', '锘A', '二十']) {
      expect(decodeText(iconv.encode(text, 'gb18030'))).toBe(text);
    }
    // A stray 0xFF at the start is not a UTF-16 mark either.
    expect(decodeText(Buffer.concat([Buffer.from([0xff]), Buffer.from('AB')]))).toBe('\ufffdAB');
  });
});
