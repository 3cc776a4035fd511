import { Inject, Injectable } from '@nestjs/common';
import {
  DomainError,
  MATCHING_MEMBER_STATUSES,
  type MemberKind,
  type MemberStatus,
} from '@redcrowd/contracts';
import { LOGGER } from '@redcrowd/nest-kafka';
import { RosterRepository, UnitOfWork, type MemberFields, type RosterMember } from '@redcrowd/persistence';
import { describeError, type JsonLogger } from '@redcrowd/runtime';
import { MatchingRoundService } from '../rounds/matching-round.service';
import type { AddMemberDto, UpdateMemberDto } from './dto/member.dto';

const FIELDS: ReadonlyArray<keyof MemberFields> = [
  'name',
  'unitKind',
  'address',
  'lat',
  'lng',
  'contactName',
  'contactPhone',
  'status',
];

/**
 * The alliance roster (成员名册): coordinators add and change member units and communities.
 * Every change is audited with what it changed, in the same transaction. A change of whether
 * a member's lists are matched (admitted, refused, withdrawn) runs a round for the alliance
 * at once, so an admitted member's lists are paired without waiting for the next change.
 */
@Injectable()
export class RosterService {
  constructor(
    private readonly work: UnitOfWork,
    private readonly roster: RosterRepository,
    private readonly rounds: MatchingRoundService,
    @Inject(LOGGER) private readonly logger: JsonLogger,
  ) {}

  list(allianceId: string, kind?: MemberKind): Promise<RosterMember[]> {
    return this.work.single((tx) => this.roster.list(tx, allianceId, kind));
  }

  async add(allianceId: string, actor: string, body: AddMemberDto): Promise<RosterMember> {
    const fields = checked(
      {
        name: body.name,
        unitKind: body.unitKind ?? null,
        address: body.address ?? null,
        lat: body.lat ?? null,
        lng: body.lng ?? null,
        contactName: body.contactName ?? null,
        contactPhone: body.contactPhone ?? null,
        status: body.status ?? 'active',
      },
      body.kind,
    );
    const key = { allianceId, kind: body.kind, memberId: body.memberId };
    return await this.work.run(async (tx) => {
      const added = await this.roster.add(
        tx,
        { ...key, ...fields },
        { actor, action: 'added', details: fields },
      );
      if (!added) {
        throw new DomainError('member-exists', `${body.kind} ${body.memberId} is already on the roster`, {
          field: 'memberId',
        });
      }
      return (await this.roster.lock(tx, allianceId, body.kind, body.memberId))!;
    });
  }

  async update(
    allianceId: string,
    kind: MemberKind,
    memberId: string,
    actor: string,
    body: UpdateMemberDto,
  ): Promise<RosterMember> {
    const { member, before } = await this.work.run(async (tx) => {
      const current = await this.roster.lock(tx, allianceId, kind, memberId);
      if (!current) throw new DomainError('member-not-found', `no ${kind} ${memberId} on the roster`);
      const next: MemberFields = { ...pick(current) };
      for (const field of FIELDS) {
        const value = body[field];
        if (value !== undefined) Object.assign(next, { [field]: value });
      }
      checked(next, kind);
      const changes = Object.fromEntries(
        FIELDS.filter((field) => next[field] !== current[field]).map((field) => [
          field,
          { from: current[field], to: next[field] },
        ]),
      );
      if (Object.keys(changes).length === 0) return { member: current, before: current.status };
      await this.roster.update(tx, current, next, { actor, action: 'updated', details: changes });
      return { member: (await this.roster.lock(tx, allianceId, kind, memberId))!, before: current.status };
    });
    if (isMatched(before) !== isMatched(member.status)) await this.rematch(allianceId);
    return member;
  }

  /** The member's change is committed; a failed round is only late (the next change reruns it). */
  private async rematch(allianceId: string): Promise<void> {
    try {
      await this.rounds.run(allianceId, 'roster-changed');
    } catch (error) {
      this.logger.event('error', 'matching round after a roster change failed; the next change reruns it', {
        allianceId,
        error: describeError(error),
      });
    }
  }
}

const isMatched = (status: MemberStatus) => (MATCHING_MEMBER_STATUSES as readonly string[]).includes(status);

function pick(member: RosterMember): MemberFields {
  return Object.fromEntries(FIELDS.map((field) => [field, member[field]])) as unknown as MemberFields;
}

/** Rules across fields: a name, a place given whole, and an organisation kind for units only. */
function checked(fields: MemberFields, kind: MemberKind): MemberFields {
  if (fields.name === null || fields.name.trim() === '') {
    throw new DomainError('invalid-request', 'a member needs a name', { field: 'name' });
  }
  if ((fields.lat === null) !== (fields.lng === null)) {
    throw new DomainError('invalid-request', 'give lat and lng together, or neither', { field: 'lat' });
  }
  if (kind === 'community' && fields.unitKind !== null) {
    throw new DomainError('invalid-request', 'a community has no unitKind (only member units do)', {
      field: 'unitKind',
    });
  }
  return fields;
}
