import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { allianceOf, AuthError, type Principal } from '@redcrowd/auth';
import { Allow, Caller } from '@redcrowd/nest-auth';
import { CompleteProjectDto } from './dto/complete-project.dto';
import { AllianceQueryDto } from '../dashboard/dto/alliance-query.dto';
import { ProjectProgressService } from './project-progress.service';

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
