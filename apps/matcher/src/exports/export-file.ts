import { StreamableFile } from '@nestjs/common';
import { AuthError, allianceOf, type Principal } from '@redcrowd/auth';
import { contentDisposition } from '@redcrowd/spreadsheets';

/** A file an export answers with: its name (Chinese), type, bytes, and how to show it. */
export interface ExportFile {
  name: string;
  type: string;
  body: Buffer;
  disposition: 'attachment' | 'inline';
}

export type ExportFormat = 'xlsx' | 'csv';

export const CONTENT_TYPES: Readonly<Record<ExportFormat | 'html', string>> = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv; charset=utf-8',
  html: 'text/html; charset=utf-8',
};

/** Which alliance an export is of, and the name its files carry. */
export interface ExportScope {
  allianceId: string;
  allianceName: string;
}

/**
 * The alliance of the path, checked as every route checks it (TenantGuard already answered
 * another alliance's 404); a ?allianceId= beside it must name the same one.
 */
export function exportScope(caller: Principal, allianceId: string, queried?: string): ExportScope {
  if (queried !== undefined && queried !== allianceId) {
    throw new AuthError('not-found', `no alliance ${queried}`);
  }
  const alliance = allianceOf(caller, allianceId);
  return { allianceId: alliance, allianceName: caller.allianceName ?? alliance };
}

/** Whose records a unit or a coordinator reads: a unit only its own, a coordinator any or all. */
export function unitScope(
  caller: Principal,
  requested: string | undefined,
  what: string,
): string | undefined {
  if (caller.role !== 'unit') return requested;
  if (requested !== undefined && requested !== caller.unitId) {
    throw new AuthError('forbidden', `a unit exports its own ${what}, not those of ${requested}`);
  }
  return caller.unitId;
}

/** The HTTP answer: the bytes with their type, length and Content-Disposition (RFC 5987 name). */
export function download(file: ExportFile): StreamableFile {
  return new StreamableFile(file.body, {
    type: file.type,
    length: file.body.length,
    disposition: contentDisposition(file.name, file.disposition),
  });
}
