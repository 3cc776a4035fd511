/*
 * How a downloaded export is named: 项目清单-<联盟>-2026-11-28.xlsx. Browsers read the
 * Chinese name from RFC 5987's filename*; older clients get an ASCII fallback.
 */

/** A file name: the parts joined by hyphens, without characters file systems refuse. */
export function exportFileName(parts: readonly string[], extension: string): string {
  const name = parts
    .map((part) =>
      part
        // eslint-disable-next-line no-control-regex
        .replace(/[\u0000-\u001f\u007f/\\:*?"<>|]+/g, ' ')
        .replace(/\s+/g, ' ')
        .trim(),
    )
    .filter((part) => part !== '')
    .join('-');
  return `${name.slice(0, 150)}.${extension}`;
}

/**
 * The Content-Disposition header for a file: an ASCII `filename` (other characters become
 * underscores) and the exact name, UTF-8 and percent-encoded, as `filename*` (RFC 5987/6266).
 */
export function contentDisposition(
  fileName: string,
  disposition: 'attachment' | 'inline' = 'attachment',
): string {
  const fallback = fileName.replace(/[^\x20-\x7e]|["\\%]/g, '_');
  const encoded = encodeURIComponent(fileName).replace(
    /['()*]/g,
    (character) => `%${character.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `${disposition}; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}
