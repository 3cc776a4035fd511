import { Injectable } from '@nestjs/common';
import { DomainError, type MemberKind } from '@redcrowd/contracts';
import { RosterRepository, UnitOfWork, type MemberFields, type RosterMember } from '@redcrowd/persistence';
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
 * Every change is audited with what it changed, in the same transaction.
 */
@Injectable()
export class RosterService {
  constructor(
    private readonly work: UnitOfWork,
    private readonly roster: RosterRepository,
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

  update(
    allianceId: string,
    kind: MemberKind,
    memberId: string,
    actor: string,
    body: UpdateMemberDto,
  ): Promise<RosterMember> {
    return this.work.run(async (tx) => {
      const member = await this.roster.lock(tx, allianceId, kind, memberId);
      if (!member) throw new DomainError('member-not-found', `no ${kind} ${memberId} on the roster`);
      const next: MemberFields = { ...pick(member) };
      for (const field of FIELDS) {
        const value = body[field];
        if (value !== undefined) Object.assign(next, { [field]: value });
      }
      checked(next, kind);
      const changes = Object.fromEntries(
        FIELDS.filter((field) => next[field] !== member[field]).map((field) => [
          field,
          { from: member[field], to: next[field] },
        ]),
      );
      if (Object.keys(changes).length === 0) return member;
      await this.roster.update(tx, member, next, { actor, action: 'updated', details: changes });
      return (await this.roster.lock(tx, allianceId, kind, memberId))!;
    });
  }
}

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
