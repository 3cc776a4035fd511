import JSZip from 'jszip';
import { Workbook } from 'exceljs';
import { UPLOAD_LIMITS, guardUpload } from './file-guard';

const CFB = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);

async function workbookBytes(): Promise<Buffer> {
  const workbook = new Workbook();
  workbook.addWorksheet('资源清单').addRow(['编号']);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

describe('guardUpload', () => {
  it('takes an .xlsx workbook and a CSV text', async () => {
    expect(await guardUpload(await workbookBytes(), 'list.xlsx')).toEqual({ ok: true, format: 'xlsx' });
    expect(await guardUpload(Buffer.from('编号,名称\n1,助餐\n'), 'list.txt')).toEqual({
      ok: true,
      format: 'csv',
    });
  });

  it('refuses a file above the size limit before reading it', async () => {
    const result = await guardUpload(Buffer.alloc(UPLOAD_LIMITS.maxFileBytes + 1), 'big.xlsx');
    expect(result).toMatchObject({
      ok: false,
      code: 'file-too-large',
      words: { zh: expect.stringContaining('10 MB') },
    });
  });

  it('tells an Excel 97-2003 file from a password-protected workbook', async () => {
    const legacy = Buffer.concat([CFB, Buffer.alloc(1024)]);
    expect(await guardUpload(legacy, 'old.xls')).toMatchObject({ ok: false, code: 'legacy-workbook' });
    const encrypted = Buffer.concat([
      CFB,
      Buffer.alloc(512),
      Buffer.from('EncryptionInfo', 'utf16le'),
      Buffer.alloc(512),
    ]);
    expect(await guardUpload(encrypted, 'secret.xlsx')).toMatchObject({
      ok: false,
      code: 'encrypted',
      words: { en: expect.stringContaining('password') },
    });
  });

  it('refuses a macro-enabled workbook', async () => {
    const zip = await JSZip.loadAsync(await workbookBytes());
    zip.file('xl/vbaProject.bin', Buffer.from('macro'));
    const bytes = await zip.generateAsync({ type: 'nodebuffer' });
    expect(await guardUpload(bytes, 'list.xlsm')).toMatchObject({ ok: false, code: 'macro-enabled' });
  });

  it('stops inflating a zip bomb once its parts pass the expanded limit', async () => {
    const zip = await JSZip.loadAsync(await workbookBytes());
    zip.file('xl/media/padding.bin', Buffer.alloc(UPLOAD_LIMITS.maxExpandedBytes + 1024 * 1024));
    const bytes = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
    expect(bytes.length).toBeLessThan(UPLOAD_LIMITS.maxFileBytes);
    expect(await guardUpload(bytes, 'bomb.xlsx')).toMatchObject({ ok: false, code: 'expands-too-large' });
  });

  it('refuses binaries, damaged zips and zips that are not workbooks', async () => {
    expect(await guardUpload(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0]), 'photo.png')).toMatchObject({
      ok: false,
      code: 'not-a-workbook',
    });
    const damaged = (await workbookBytes()).subarray(0, 200);
    expect(await guardUpload(damaged, 'cut.xlsx')).toMatchObject({ ok: false, code: 'not-a-workbook' });
    const other = new JSZip();
    other.file('readme.txt', 'hello');
    expect(await guardUpload(await other.generateAsync({ type: 'nodebuffer' }), 'a.zip')).toMatchObject({
      ok: false,
      code: 'not-a-workbook',
    });
  });
});
