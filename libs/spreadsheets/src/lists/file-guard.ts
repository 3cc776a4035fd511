import JSZip from 'jszip';
import type { Words } from '../cells';
import type { WorkbookProblemCode } from './workbook-problem';

/** What an upload may be at most; documented in README and enforced before anything is parsed. */
export const UPLOAD_LIMITS = {
  /** Bytes of the uploaded file. */
  maxFileBytes: 10 * 1024 * 1024,
  /** Bytes a workbook's parts may expand to; a 5,000-row list expands to a few MB. */
  maxExpandedBytes: 100 * 1024 * 1024,
  /** Parts inside a workbook's zip; real workbooks have a few dozen. */
  maxZipEntries: 2000,
  /** Rows of items (after the header rows). */
  maxRows: 5000,
} as const;

export type UploadFormat = 'xlsx' | 'csv';

export type GuardResult =
  { ok: true; format: UploadFormat } | { ok: false; code: WorkbookProblemCode; words: Words };

const ZIP_SIGNATURE = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
// Compound File Binary: Excel 97-2003 .xls, and also what an encrypted .xlsx is wrapped in.
const CFB_SIGNATURE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
const ENCRYPTION_STREAM = Buffer.from('EncryptionInfo', 'utf16le');

const refuse = (code: WorkbookProblemCode, zh: string, en: string): GuardResult => ({
  ok: false,
  code,
  words: { zh, en },
});

/**
 * Decides what an upload is before a parser touches it: an .xlsx workbook, a CSV text, or
 * something refused with a reason its sender can act on. A workbook's parts are inflated
 * here with a running count, so a zip bomb is stopped after maxExpandedBytes, not after it
 * has filled the memory.
 */
export async function guardUpload(bytes: Buffer, fileName = ''): Promise<GuardResult> {
  if (bytes.length > UPLOAD_LIMITS.maxFileBytes) {
    return refuse(
      'file-too-large',
      `文件大小 ${megabytes(bytes.length)} MB，超过上限 ${megabytes(UPLOAD_LIMITS.maxFileBytes)} MB；请拆分为多份清单`,
      `the file is ${megabytes(bytes.length)} MB; at most ${megabytes(UPLOAD_LIMITS.maxFileBytes)} MB is accepted (split the list)`,
    );
  }
  if (bytes.subarray(0, CFB_SIGNATURE.length).equals(CFB_SIGNATURE)) {
    if (bytes.includes(ENCRYPTION_STREAM)) {
      return refuse(
        'encrypted',
        '文件设置了打开密码，无法读取；请取消密码后另存为 .xlsx 再上传',
        'the workbook is password-protected; remove the password, save as .xlsx and upload again',
      );
    }
    return refuse(
      'legacy-workbook',
      '这是旧版 Excel 97-2003 (.xls) 文件；请在 Excel 中“另存为”Excel 工作簿 (.xlsx) 后上传',
      'this is an Excel 97-2003 (.xls) file; save it as an Excel workbook (.xlsx) and upload that',
    );
  }
  if (bytes.subarray(0, ZIP_SIGNATURE.length).equals(ZIP_SIGNATURE)) return inspectZip(bytes);
  if (/\.csv$/i.test(fileName) || looksLikeText(bytes)) return { ok: true, format: 'csv' };
  return refuse(
    'not-a-workbook',
    '不是 Excel 工作簿 (.xlsx) 或 CSV 文件',
    'not an Excel workbook (.xlsx) or a CSV file',
  );
}

async function inspectZip(bytes: Buffer): Promise<GuardResult> {
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes);
  } catch {
    return refuse(
      'not-a-workbook',
      '文件已损坏，或不是 Excel 工作簿',
      'the file is damaged or not an Excel workbook',
    );
  }
  const names = Object.keys(zip.files);
  if (names.length > UPLOAD_LIMITS.maxZipEntries) {
    return refuse(
      'expands-too-large',
      '文件内部结构异常（部件过多），拒绝读取',
      'the file has too many parts to be a list workbook',
    );
  }
  if (!zip.file('[Content_Types].xml') || !zip.file('xl/workbook.xml')) {
    return refuse('not-a-workbook', '不是 Excel 工作簿 (.xlsx)', 'not an Excel workbook (.xlsx)');
  }
  const contentTypes = await zip.file('[Content_Types].xml')!.async('string');
  if (zip.file('xl/vbaProject.bin') || /macroEnabled/i.test(contentTypes)) {
    return refuse(
      'macro-enabled',
      '含宏的工作簿 (.xlsm) 不予接收；请另存为不含宏的 Excel 工作簿 (.xlsx)',
      'macro-enabled workbooks (.xlsm) are refused; save it as an Excel workbook (.xlsx) without macros',
    );
  }
  const expanded = await expandedSize(zip, UPLOAD_LIMITS.maxExpandedBytes);
  if (expanded > UPLOAD_LIMITS.maxExpandedBytes) {
    return refuse(
      'expands-too-large',
      `文件解压后超过 ${megabytes(UPLOAD_LIMITS.maxExpandedBytes)} MB，拒绝读取`,
      `the workbook expands to more than ${megabytes(UPLOAD_LIMITS.maxExpandedBytes)} MB and is refused`,
    );
  }
  return { ok: true, format: 'xlsx' };
}

/** Inflates every part, counting bytes, and stops as soon as the count passes `limit`. */
async function expandedSize(zip: JSZip, limit: number): Promise<number> {
  let total = 0;
  for (const entry of Object.values(zip.files)) {
    if (entry.dir) continue;
    await new Promise<void>((resolve, reject) => {
      const stream = entry.nodeStream('nodebuffer');
      const onData = (chunk: Buffer): void => {
        total += chunk.length;
        if (total <= limit) return;
        // Stop reading: a paused stream inflates nothing more.
        stream.removeListener('data', onData);
        stream.pause();
        resolve();
      };
      stream
        .on('data', onData)
        .on('error', reject)
        .on('end', () => resolve());
    });
    if (total > limit) break;
  }
  return total;
}

// CSV has no signature; a file of text (no NUL bytes in its start) is read as one.
function looksLikeText(bytes: Buffer): boolean {
  const start = bytes.subarray(0, 4096);
  return start.length > 0 && !start.includes(0);
}

function megabytes(bytes: number): string {
  return (bytes / (1024 * 1024)).toFixed(bytes % (1024 * 1024) === 0 ? 0 : 1);
}
