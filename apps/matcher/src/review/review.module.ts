import { Module } from '@nestjs/common';
import { ClaimsModule } from '../claims/claims.module';
import { PoliciesModule } from '../policies/policies.module';
import { ProjectsModule } from '../projects/projects.module';
import { ProjectQueries } from './project-queries.service';
import { ProjectReviewService } from './project-review.service';
import { ProjectsController } from './projects.controller';

/** The joint meeting's (联席会) review: read projects, approve, reject, edit or swap allocations. */
@Module({
  imports: [PoliciesModule, ProjectsModule, ClaimsModule],
  controllers: [ProjectsController],
  providers: [ProjectReviewService, ProjectQueries],
})
export class ReviewModule {}
