import {
  Body,
  Controller,
  Get,
  Header,
  HttpCode,
  Param,
  Post,
  Query,
  StreamableFile,
  UploadedFile,
  UseInterceptors,
} from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { allianceOf, AuthError, type Principal } from '@redcrowd/auth';
import { Allow, Caller } from '@redcrowd/nest-auth';
import { CompleteProjectDto } from './dto/complete-project.dto';
import { AllianceQueryDto } from '../dashboard/dto/alliance-query.dto';
import { ReportWorkDto } from './dto/report-work.dto';
import { ProjectProgressService } from './project-progress.service';
import { MAX_PHOTO_BYTES } from './work-photo';

// A photo up to twice the limit is read, so that the answer can say it is too large; beyond
// that the upload is cut off as payload-too-large.
const photoInterceptor = FileInterceptor('photo', {
  limits: { fileSize: MAX_PHOTO_BYTES * 2, files: 1, fields: 4, fieldSize: 8 * 1024 },
});

/**
 * What units and communities do after the claim: start claimed work, confirm it done with a
 * rating, and read the points (积分) it earned. The acting unit or community is the signed-in one.
 */
@Controller()
export class ProgressController {
  constructor(private readonly progress: ProjectProgressService) {}

  @Post('projects/:projectId/start')
  @Allow('unit')
  @HttpCode(200)
  start(@Caller() caller: Principal, @Param('projectId') projectId: string) {
    return this.progress.start(projectId, caller.unitId!);
  }

  /** A claiming unit reports its part done (完成报告): note, hours, optional photo (multipart). */
  @Post('projects/:projectId/report')
  @Allow('unit')
  @HttpCode(200)
  @UseInterceptors(photoInterceptor)
  report(
    @Caller() caller: Principal,
    @Param('projectId') projectId: string,
    @Body() body: ReportWorkDto,
    @UploadedFile() photo: { buffer: Buffer } | undefined,
  ) {
    return this.progress.report(projectId, caller.unitId!, {
      ...body,
      ...(photo ? { photo: photo.buffer } : {}),
    });
  }

  @Get('projects/:projectId/reports')
  @Allow('coordinator', 'admin', 'unit', 'community')
  reports(@Caller() caller: Principal, @Param('projectId') projectId: string) {
    return this.progress.reportsOf(caller, projectId);
  }

  /** The photo as it was checked; served as an image only, never sniffed as anything else. */
  @Get('projects/:projectId/reports/:unitId/photo')
  @Allow('coordinator', 'admin', 'unit', 'community')
  @Header('X-Content-Type-Options', 'nosniff')
  @Header('Cache-Control', 'private, max-age=3600')
  async photo(
    @Caller() caller: Principal,
    @Param('projectId') projectId: string,
    @Param('unitId') unitId: string,
  ) {
    const photo = await this.progress.photoOf(caller, projectId, unitId);
    return new StreamableFile(photo.bytes, {
      type: photo.mediaType,
      length: photo.bytes.length,
      disposition: 'inline',
    });
  }

  /** The submitter of the demand confirms: its community, or a unit that posted the demand (互领清单). */
  @Post('projects/:projectId/complete')
  @Allow('community', 'unit')
  @HttpCode(200)
  complete(
    @Caller() caller: Principal,
    @Param('projectId') projectId: string,
    @Body() body: CompleteProjectDto,
  ) {
    return this.progress.complete(projectId, (caller.communityId ?? caller.unitId)!, body.rating, body.note);
  }

  /** A coordinator reads any member unit's points; a unit only its own. */
  @Get('units/:unitId/points')
  @Allow('coordinator', 'admin', 'unit')
  points(@Caller() caller: Principal, @Param('unitId') unitId: string, @Query() query: AllianceQueryDto) {
    if (caller.role === 'unit' && unitId !== caller.unitId) {
      throw new AuthError('forbidden', `a unit reads its own points, not those of ${unitId}`);
    }
    return this.progress.pointsOf(allianceOf(caller, query.allianceId), unitId);
  }
}
