import { crc32, deflateRawSync } from 'node:zlib';
import JSZip from 'jszip';
import { Workbook } from 'exceljs';
import { UPLOAD_LIMITS, guardUpload } from './file-guard';

const CFB = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);

async function workbookBytes(): Promise<Buffer> {
  const workbook = new Workbook();
  workbook.addWorksheet('资源清单').addRow(['编号']);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/**
 * A workbook with a part of `size` zero bytes. Its zip is written here so that Node's zlib
 * packs the padding: JSZip's own deflate takes seconds over a hundred megabytes.
 */
async function bombOf(size: number): Promise<Buffer> {
  const zip = await JSZip.loadAsync(await workbookBytes());
  const parts: Array<{ name: string; data: Buffer; method: number; crc: number; size: number }> = [];
  for (const entry of Object.values(zip.files)) {
    if (entry.dir) continue;
    const content = await entry.async('nodebuffer');
    parts.push({ name: entry.name, data: content, method: 0, crc: crc32(content), size: content.length });
  }
  const padding = Buffer.alloc(size);
  parts.push({
    name: 'xl/media/padding.bin',
    data: deflateRawSync(padding),
    method: 8,
    crc: crc32(padding),
    size,
  });
  const local: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const part of parts) {
    const name = Buffer.from(part.name);
    const header = Buffer.alloc(30);
    header.writeUInt32LE(0x04034b50, 0);
    header.writeUInt16LE(20, 4);
    header.writeUInt16LE(part.method, 8);
    header.writeUInt32LE(part.crc, 14);
    header.writeUInt32LE(part.data.length, 18);
    header.writeUInt32LE(part.size, 22);
    header.writeUInt16LE(name.length, 26);
    local.push(header, name, part.data);
    const entry = Buffer.alloc(46);
    entry.writeUInt32LE(0x02014b50, 0);
    entry.writeUInt16LE(20, 4);
    entry.writeUInt16LE(20, 6);
    entry.writeUInt16LE(part.method, 10);
    entry.writeUInt32LE(part.crc, 16);
    entry.writeUInt32LE(part.data.length, 20);
    entry.writeUInt32LE(part.size, 24);
    entry.writeUInt16LE(name.length, 28);
    entry.writeUInt32LE(offset, 42);
    central.push(entry, name);
    offset += header.length + name.length + part.data.length;
  }
  const directory = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...local, directory, end]);
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
    const bytes = await bombOf(UPLOAD_LIMITS.maxExpandedBytes + 1024 * 1024);
    expect(bytes.length).toBeLessThan(UPLOAD_LIMITS.maxFileBytes);
    expect(await guardUpload(bytes, 'bomb.xlsx')).toEqual({
      ok: false,
      code: 'expands-too-large',
      words: {
        zh: '文件解压后超过 100 MB，拒绝读取',
        en: 'the workbook expands to more than 100 MB and is refused',
      },
    });
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

describe('guardUpload, in the words its sender reads', () => {
  const refused = (code: string, zh: string, en: string) => ({ ok: false, code, words: { zh, en } });
  const zipOf = async (files: Record<string, string>): Promise<Buffer> => {
    const zip = new JSZip();
    for (const [name, content] of Object.entries(files)) zip.file(name, content);
    return zip.generateAsync({ type: 'nodebuffer' });
  };

  it('says how large a file is and what is accepted, and takes a file of exactly the limit', async () => {
    expect(await guardUpload(Buffer.alloc(UPLOAD_LIMITS.maxFileBytes + 1), 'big.xlsx')).toEqual(
      refused(
        'file-too-large',
        '文件大小 10.0 MB，超过上限 10 MB；请拆分为多份清单',
        'the file is 10.0 MB; at most 10 MB is accepted (split the list)',
      ),
    );
    expect(await guardUpload(Buffer.alloc(12 * 1024 * 1024), 'big.csv')).toEqual(
      refused(
        'file-too-large',
        '文件大小 12 MB，超过上限 10 MB；请拆分为多份清单',
        'the file is 12 MB; at most 10 MB is accepted (split the list)',
      ),
    );
    expect(await guardUpload(Buffer.alloc(UPLOAD_LIMITS.maxFileBytes, 0x41), 'list.csv')).toEqual({
      ok: true,
      format: 'csv',
    });
  });

  it('says how to save an old or a password-protected workbook', async () => {
    expect(await guardUpload(Buffer.concat([CFB, Buffer.alloc(64)]))).toEqual(
      refused(
        'legacy-workbook',
        '这是旧版 Excel 97-2003 (.xls) 文件；请在 Excel 中“另存为”Excel 工作簿 (.xlsx) 后上传',
        'this is an Excel 97-2003 (.xls) file; save it as an Excel workbook (.xlsx) and upload that',
      ),
    );
    // The stream's name in UTF-16, as a Compound File directory holds it; in ASCII it is other text.
    const ascii = Buffer.concat([CFB, Buffer.from('EncryptionInfo')]);
    expect(await guardUpload(ascii)).toMatchObject({ code: 'legacy-workbook' });
    expect(await guardUpload(Buffer.concat([CFB, Buffer.from('EncryptionInfo', 'utf16le')]))).toEqual(
      refused(
        'encrypted',
        '文件设置了打开密码，无法读取；请取消密码后另存为 .xlsx 再上传',
        'the workbook is password-protected; remove the password, save as .xlsx and upload again',
      ),
    );
  });

  it('takes a file named .csv whatever its bytes (UTF-16 text holds zeros), and text by its bytes', async () => {
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('编号,名称', 'utf16le')]);
    expect(await guardUpload(utf16, 'LIST.CSV')).toEqual({ ok: true, format: 'csv' });
    expect(await guardUpload(Buffer.alloc(0), 'list.csv')).toEqual({ ok: true, format: 'csv' });
    const lateZero = Buffer.concat([Buffer.alloc(4096, 0x41), Buffer.from([0])]);
    expect(await guardUpload(lateZero, 'upload')).toEqual({ ok: true, format: 'csv' });
    const notWorkbook = refused(
      'not-a-workbook',
      '不是 Excel 工作簿 (.xlsx) 或 CSV 文件',
      'not an Excel workbook (.xlsx) or a CSV file',
    );
    expect(await guardUpload(Buffer.alloc(0), 'list.txt')).toEqual(notWorkbook);
    expect(await guardUpload(Buffer.alloc(0))).toEqual(notWorkbook);
    for (const name of ['list.csv.png', 'list_csv', 'listcsv', 'csv'])
      expect(await guardUpload(utf16, name)).toEqual(notWorkbook);
  });

  it('says a damaged zip is damaged, and a zip without a workbook’s parts is no workbook', async () => {
    expect(await guardUpload((await workbookBytes()).subarray(0, 200))).toEqual(
      refused(
        'not-a-workbook',
        '文件已损坏，或不是 Excel 工作簿',
        'the file is damaged or not an Excel workbook',
      ),
    );
    const noWorkbook = refused(
      'not-a-workbook',
      '不是 Excel 工作簿 (.xlsx)',
      'not an Excel workbook (.xlsx)',
    );
    expect(await guardUpload(await zipOf({ '[Content_Types].xml': '<Types/>' }))).toEqual(noWorkbook);
    expect(await guardUpload(await zipOf({ 'xl/workbook.xml': '<workbook/>' }))).toEqual(noWorkbook);
    expect(
      await guardUpload(await zipOf({ '[Content_Types].xml': '<Types/>', 'xl/workbook.xml': '<workbook/>' })),
    ).toEqual({
      ok: true,
      format: 'xlsx',
    });
  });

  it('refuses a workbook whose content types say it holds macros, with or without the macro part', async () => {
    const macros = refused(
      'macro-enabled',
      '含宏的工作簿 (.xlsm) 不予接收；请另存为不含宏的 Excel 工作簿 (.xlsx)',
      'macro-enabled workbooks (.xlsm) are refused; save it as an Excel workbook (.xlsx) without macros',
    );
    const types =
      '<Types><Override ContentType="application/vnd.ms-excel.sheet.MacroEnabled.main+xml"/></Types>';
    expect(
      await guardUpload(await zipOf({ '[Content_Types].xml': types, 'xl/workbook.xml': '<workbook/>' })),
    ).toEqual(macros);
    expect(
      await guardUpload(
        await zipOf({
          '[Content_Types].xml': '<Types/>',
          'xl/workbook.xml': '<workbook/>',
          'xl/vbaProject.bin': 'x',
        }),
      ),
    ).toEqual(macros);
  });

  it('counts a workbook’s parts, taking 2,000 and refusing more', async () => {
    const parts = (count: number) => {
      const files: Record<string, string> = {
        '[Content_Types].xml': '<Types/>',
        'xl/workbook.xml': '<workbook/>',
      };
      // The two parts and the xl/ folder entry JSZip adds for the second one.
      for (let index = 3; index < count; index++) files[`p${index}.xml`] = '';
      return zipOf(files);
    };
    expect(await guardUpload(await parts(UPLOAD_LIMITS.maxZipEntries))).toEqual({ ok: true, format: 'xlsx' });
    expect(await guardUpload(await parts(UPLOAD_LIMITS.maxZipEntries + 1))).toEqual(
      refused(
        'expands-too-large',
        '文件内部结构异常（部件过多），拒绝读取',
        'the file has too many parts to be a list workbook',
      ),
    );
  });
});
