import {
  Body,
  Controller,
  Get,
  HttpCode,
  Param,
  Post,
  Query,
  Res,
  StreamableFile,
  UploadedFile,
  UseInterceptors,
} from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import type { Response } from 'express';
import { assertMayWriteList, type Principal } from '@redcrowd/auth';
import { DomainError, type ListKind } from '@redcrowd/contracts';
import { Allow, Caller } from '@redcrowd/nest-auth';
import { SHEET_NAMES, UPLOAD_LIMITS, type ListInfoKey } from '@redcrowd/spreadsheets';
import { StoredListWorkbookService } from './stored-list-workbook.service';
import { ListFieldsDto } from './workbook-upload.dto';
import { WorkbookImportService, XLSX_MEDIA_TYPE, type WorkbookImportResult } from './workbook-import.service';

/** What multer (behind FileInterceptor) hands over of an uploaded file. */
interface UploadedFilePart {
  buffer: Buffer;
  originalname: string;
}

// Files up to twice the limit are read so that the answer can say how large the file was
// and what the limit is; beyond that the upload is cut off with payload-too-large.
const uploadInterceptor = FileInterceptor('file', {
  limits: { fileSize: UPLOAD_LIMITS.maxFileBytes * 2, files: 1, fields: 10, fieldSize: 1024 },
});

/**
 * Lists as Excel workbooks or CSV files (multipart field `file`): a unit's 资源清单, a
 * community's or unit's 需求清单, or a coordinator loading one for a member of the roster.
 * The templates to fill in are served here too.
 */
@Controller()
export class WorkbooksController {
  constructor(
    private readonly workbooks: WorkbookImportService,
    private readonly stored: StoredListWorkbookService,
  ) {}

  @Post('resource-lists/workbook')
  @Allow('unit', 'coordinator', 'admin')
  @HttpCode(200)
  @UseInterceptors(uploadInterceptor)
  async importResourceList(
    @Caller() caller: Principal,
    @UploadedFile() file: UploadedFilePart | undefined,
    @Body() fields: ListFieldsDto,
    @Res({ passthrough: true }) response: Response,
  ) {
    return this.import('resource', caller, file, fields, response);
  }

  @Post('demand-lists/workbook')
  @Allow('community', 'unit', 'coordinator', 'admin')
  @HttpCode(200)
  @UseInterceptors(uploadInterceptor)
  async importDemandList(
    @Caller() caller: Principal,
    @UploadedFile() file: UploadedFilePart | undefined,
    @Body() fields: ListFieldsDto,
    @Res({ passthrough: true }) response: Response,
  ) {
    return this.import('demand', caller, file, fields, response);
  }

  @Get('templates/resource-list.xlsx')
  @Allow('unit', 'coordinator', 'admin')
  async resourceTemplate(@Caller() caller: Principal, @Query() query: ListFieldsDto) {
    return this.template('resource', caller, query);
  }

  @Get('templates/demand-list.xlsx')
  @Allow('community', 'unit', 'coordinator', 'admin')
  async demandTemplate(@Caller() caller: Principal, @Query() query: ListFieldsDto) {
    return this.template('demand', caller, query);
  }

  /** A stored list as its workbook, to revise in Excel and upload again (see StoredListWorkbookService). */
  @Get('resource-lists/:listId/workbook')
  @Allow('unit', 'coordinator', 'admin')
  async resourceListWorkbook(
    @Caller() caller: Principal,
    @Param('listId') listId: string,
    @Query() query: ListFieldsDto,
  ) {
    return this.storedList('resource', caller, listId, query);
  }

  @Get('demand-lists/:listId/workbook')
  @Allow('community', 'unit', 'coordinator', 'admin')
  async demandListWorkbook(
    @Caller() caller: Principal,
    @Param('listId') listId: string,
    @Query() query: ListFieldsDto,
  ) {
    return this.storedList('demand', caller, listId, query);
  }

  private async storedList(
    kind: ListKind,
    caller: Principal,
    listId: string,
    query: ListFieldsDto,
  ): Promise<StreamableFile> {
    const fields = fieldsFor(kind, caller, query);
    const { allianceId, submitterKind, submitterId } = fields;
    if (!allianceId || !submitterId || (submitterKind !== 'unit' && submitterKind !== 'community')) {
      const missing = !allianceId ? 'allianceId' : !submitterId ? 'submitterId' : 'submitterKind';
      throw new DomainError(
        'invalid-request',
        `name the list's ${missing} in the query (a coordinator fetches a member's list by its submitterKind and submitterId)`,
        { field: missing },
      );
    }
    // Who may send a list may read it back; anyone else gets the same refusal as for writing it.
    assertMayWriteList(caller, { kind, allianceId, submitter: { kind: submitterKind, id: submitterId } });
    const file = await this.stored.workbook(kind, { allianceId, submitterKind, submitterId, listId });
    return new StreamableFile(file.bytes, { type: XLSX_MEDIA_TYPE, disposition: attachment(file.fileName) });
  }

  private async template(kind: ListKind, caller: Principal, query: ListFieldsDto): Promise<StreamableFile> {
    const bytes = await this.workbooks.template(kind, fieldsFor(kind, caller, query));
    return new StreamableFile(bytes, {
      type: XLSX_MEDIA_TYPE,
      disposition: attachment(`${SHEET_NAMES[kind]}模板.xlsx`),
    });
  }

  /**
   * 201 with the lists.accepted.v1 event when stored (200 when unchanged). A refusal answers
   * in the uniform error shape, with `workbook.problems` (sheet, row, column, Chinese and
   * English) and `workbook.markedCopy` (the file with the bad cells marked, base64).
   */
  private async import(
    kind: ListKind,
    caller: Principal,
    file: UploadedFilePart | undefined,
    fields: ListFieldsDto,
    response: Response,
  ) {
    if (!file) {
      throw new DomainError(
        'invalid-request',
        'send the list as a multipart form with its file in the field "file"',
        {
          field: 'file',
        },
      );
    }
    const result = await this.workbooks.importList(
      kind,
      { bytes: file.buffer, fileName: decodeFileName(file.originalname) },
      fieldsFor(kind, caller, fields),
      (list) => assertMayWriteList(caller, list),
    );
    if (result.outcome === 'accepted') {
      response.status(result.event.outcome === 'stored' ? 201 : 200);
      return result.event;
    }
    throw refusalOf(result);
  }
}

/** The list's own fields: the caller's alliance and identity, then what the form gives. */
function fieldsFor(
  kind: ListKind,
  caller: Principal,
  fields: ListFieldsDto,
): Partial<Record<ListInfoKey, string>> {
  const own: Partial<Record<ListInfoKey, string>> = {};
  if (caller.allianceId) own.allianceId = caller.allianceId;
  if (caller.role === 'unit' && caller.unitId) {
    Object.assign(own, { submitterKind: 'unit', submitterId: caller.unitId, submitterName: caller.name });
  }
  if (caller.role === 'community' && caller.communityId && kind === 'demand') {
    Object.assign(own, {
      submitterKind: 'community',
      submitterId: caller.communityId,
      submitterName: caller.name,
    });
  }
  const given = Object.fromEntries(Object.entries(fields).filter(([, value]) => typeof value === 'string'));
  return { ...own, ...given };
}

function refusalOf(result: Extract<WorkbookImportResult, { outcome: 'refused' }>): DomainError {
  const count = result.problems.length;
  const first = result.problems[0];
  const message =
    result.code === 'invalid-workbook' && first
      ? `the file was refused: ${first.message}`
      : result.code === 'unavailable'
        ? 'the list could not be stored now; nothing was kept, send it again later'
        : result.code === 'not-a-member'
          ? (first?.message ?? 'the submitter is not a member of the alliance')
          : `the list was refused with ${count === 1 ? 'a problem' : `${count} problems`}; nothing was stored`;
  const code = first?.code === 'file-too-large' ? 'payload-too-large' : result.code;
  return new DomainError(code, message, {
    ...(result.listProblems.length > 0 ? { problems: result.listProblems } : {}),
    attachments: {
      workbook: {
        problems: result.problems,
        ...(result.markedCopy ? { markedCopy: result.markedCopy } : {}),
      },
      ...(result.rejection ? { rejection: result.rejection } : {}),
    },
  });
}

/** RFC 6266: a Chinese file name for browsers (filename*), an ASCII one for the rest. */
function attachment(fileName: string): string {
  return `attachment; filename="list-template.xlsx"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

// Multer reads the multipart file name as latin1; browsers send UTF-8 bytes.
function decodeFileName(name: string): string {
  const decoded = Buffer.from(name, 'latin1').toString('utf8');
  return decoded.includes('\uFFFD') ? name : decoded;
}
