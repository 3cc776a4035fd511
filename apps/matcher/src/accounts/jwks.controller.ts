import { Controller, Get, Header } from '@nestjs/common';
import { SigningKeyRepository, UnitOfWork, type PublicJwk } from '@redcrowd/persistence';
import { Public } from '@redcrowd/nest-auth';

/** The public keys of access tokens (RFC 7517), for any service or gateway that verifies them. */
@Controller('.well-known')
export class JwksController {
  private readonly keys = new SigningKeyRepository();

  constructor(private readonly work: UnitOfWork) {}

  @Get('jwks.json')
  @Public()
  // Verifiers cache it briefly; a rotation is picked up by their reload on an unknown kid.
  @Header('Cache-Control', 'public, max-age=300')
  async jwks(): Promise<{ keys: PublicJwk[] }> {
    return { keys: await this.work.single((tx) => this.keys.published(tx, new Date())) };
  }
}
