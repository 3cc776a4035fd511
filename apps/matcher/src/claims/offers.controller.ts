import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import type { Principal } from '@redcrowd/auth';
import { Allow, Caller } from '@redcrowd/nest-auth';
import { DeclineOfferDto } from './dto/decline-offer.dto';
import { OfferExpiryService } from './offer-expiry.service';

/** A unit turns down an offer made to it (the project is not for it), saying why if it will. */
@Controller('offers')
export class OffersController {
  constructor(private readonly expiry: OfferExpiryService) {}

  @Post(':offerId/decline')
  @Allow('unit')
  @HttpCode(200)
  decline(@Caller() caller: Principal, @Param('offerId') offerId: string, @Body() body: DeclineOfferDto) {
    return this.expiry.decline(offerId, caller.unitId!, body.reason);
  }
}
