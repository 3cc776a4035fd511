import { Module } from '@nestjs/common';
import { GazetteerController } from './gazetteer.controller';
import { GazetteerService } from './gazetteer.service';

/** The alliance gazetteer (地名库): the named places lists may give instead of coordinates. */
@Module({
  controllers: [GazetteerController],
  providers: [GazetteerService],
  exports: [GazetteerService],
})
export class GazetteerModule {}
