import { Module } from '@nestjs/common';
import { PoliciesModule } from '../policies/policies.module';
import { ProjectsModule } from '../projects/projects.module';
import { ProgressController } from './progress.controller';
import { ProjectProgressService } from './project-progress.service';

/** Claimed work started and confirmed done; the points (积分) it earns. */
@Module({
  imports: [PoliciesModule, ProjectsModule],
  controllers: [ProgressController],
  providers: [ProjectProgressService],
})
export class ProgressModule {}
