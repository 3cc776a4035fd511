import { Injectable } from '@nestjs/common';
import { DomainError } from '@redcrowd/contracts';
import { GazetteerRepository, UnitOfWork, type AlliancePlace, type Tx } from '@redcrowd/persistence';
import { isUuid } from '../core/tenant-scope';
import type { AddPlaceDto, UpdatePlaceDto } from './dto/place.dto';
import { checkPlace, tidyPlace, type PlaceDraft } from './place-rules';

/**
 * The alliance gazetteer (地名库): the communities, compounds and buildings its lists may name
 * instead of giving coordinates, kept by its coordinators. Changes of one alliance's places
 * run one at a time, so a name is checked against every other place's names and aliases.
 */
@Injectable()
export class GazetteerService {
  constructor(
    private readonly work: UnitOfWork,
    private readonly places: GazetteerRepository,
  ) {}

  list(allianceId: string): Promise<AlliancePlace[]> {
    return this.work.single((tx) => this.places.list(tx, allianceId));
  }

  add(allianceId: string, body: AddPlaceDto): Promise<AlliancePlace> {
    const fields = tidyPlace({
      name: body.name,
      kind: body.kind,
      parentId: body.parentId ?? null,
      lat: body.lat,
      lng: body.lng,
      address: body.address ?? null,
      aliases: body.aliases ?? [],
    });
    return this.work.run(async (tx) => {
      checkPlace(await this.lockedPlaces(tx, allianceId), fields);
      const added = await this.places.add(tx, allianceId, fields);
      // The lock keeps names apart; the unique index is the database's own guard behind it.
      if (!added) throw new DomainError('place-exists', `"${fields.name}" is already in the gazetteer`);
      return added;
    });
  }

  update(allianceId: string, placeId: string, body: UpdatePlaceDto): Promise<AlliancePlace> {
    return this.work.run(async (tx) => {
      const places = await this.lockedPlaces(tx, allianceId);
      const current = places.find((place) => place.placeId === placeId);
      if (!current) throw notFound(placeId);
      const draft: PlaceDraft = {
        name: body.name ?? current.name,
        kind: body.kind ?? current.kind,
        parentId: body.parentId === undefined ? current.parentId : body.parentId,
        lat: body.lat ?? current.lat,
        lng: body.lng ?? current.lng,
        address: body.address === undefined ? current.address : body.address,
        aliases: body.aliases ?? current.aliases,
      };
      const fields = tidyPlace(draft);
      checkPlace(places, fields, placeId);
      return (await this.places.update(tx, allianceId, placeId, fields))!;
    });
  }

  async remove(allianceId: string, placeId: string): Promise<void> {
    // Anything but a UUID cannot name a place; answering 404 keeps Postgres from a cast error.
    if (!isUuid(placeId)) throw notFound(placeId);
    const removed = await this.work.run(async (tx) => {
      await this.places.lockAlliance(tx, allianceId);
      return this.places.remove(tx, allianceId, placeId);
    });
    if (!removed) throw notFound(placeId);
  }

  private async lockedPlaces(tx: Tx, allianceId: string): Promise<AlliancePlace[]> {
    await this.places.lockAlliance(tx, allianceId);
    return this.places.list(tx, allianceId);
  }
}

function notFound(placeId: string): DomainError {
  return new DomainError('place-not-found', `no place ${placeId} in the gazetteer`);
}
