import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
import { Allow } from '@redcrowd/nest-auth';
import type { AlliancePlace } from '@redcrowd/persistence';
import { AddPlaceDto, UpdatePlaceDto } from './dto/place.dto';
import { GazetteerService } from './gazetteer.service';

/**
 * The alliance gazetteer (地名库), kept by its coordinators; every member reads it, to name
 * places in their lists. The alliance is checked by TenantGuard.
 */
@Controller('alliances/:allianceId/places')
export class GazetteerController {
  constructor(private readonly gazetteer: GazetteerService) {}

  @Get()
  @Allow('coordinator', 'unit', 'community', 'admin')
  list(@Param('allianceId') allianceId: string): Promise<AlliancePlace[]> {
    return this.gazetteer.list(allianceId);
  }

  @Post()
  @Allow('coordinator', 'admin')
  add(@Param('allianceId') allianceId: string, @Body() body: AddPlaceDto): Promise<AlliancePlace> {
    return this.gazetteer.add(allianceId, body);
  }

  @Patch(':placeId')
  @Allow('coordinator', 'admin')
  update(
    @Param('allianceId') allianceId: string,
    @Param('placeId') placeId: string,
    @Body() body: UpdatePlaceDto,
  ): Promise<AlliancePlace> {
    return this.gazetteer.update(allianceId, placeId, body);
  }

  @Delete(':placeId')
  @HttpCode(204)
  @Allow('coordinator', 'admin')
  async remove(@Param('allianceId') allianceId: string, @Param('placeId') placeId: string): Promise<void> {
    await this.gazetteer.remove(allianceId, placeId);
  }
}
