import { Module } from '@nestjs/common';
import { PoliciesModule } from '../policies/policies.module';
import { ProjectsModule } from '../projects/projects.module';
import { RoundsModule } from '../rounds/rounds.module';
import { ClaimDecisionService } from './claim-decision.service';
import { ClaimsController } from './claims.controller';
import { ClaimsHandler } from './claims.handler';
import { OfferExpiryService } from './offer-expiry.service';
import { OfferTerms } from './offer-terms.service';
import { OffersController } from './offers.controller';

/**
 * Offers and claims (认领): approved projects offered to their paired units, then the open
 * hall; claims decided over Kafka and HTTP; offers that run out or are declined.
 */
@Module({
  imports: [PoliciesModule, ProjectsModule, RoundsModule],
  controllers: [ClaimsHandler, ClaimsController, OffersController],
  providers: [OfferTerms, ClaimDecisionService, OfferExpiryService],
  exports: [OfferTerms],
})
export class ClaimsModule {}
