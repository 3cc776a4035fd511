/**
 * A CSV file's text. Excel writes UTF-8 with a byte order mark ("CSV UTF-8"), and on Chinese
 * Windows plain "CSV" in GB18030 (GBK); some tools write UTF-8 without the mark. Text that is
 * not valid UTF-8 is read as GB18030. Node's ICU decoders do this; no library is needed.
 */
export function decodeText(bytes: Buffer): string {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return bytes.subarray(3).toString('utf8');
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('gb18030').decode(bytes);
  }
}
