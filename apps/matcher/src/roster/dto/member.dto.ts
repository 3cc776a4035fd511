import { IsIn, IsLatitude, IsLongitude, IsOptional, Matches } from 'class-validator';
import {
  IsIdentifier,
  IsText,
  MEMBER_KINDS,
  UNIT_KINDS,
  type MemberKind,
  type UnitKind,
} from '@redcrowd/contracts';

// Mainland numbers (13812345678), landlines with area code (0379-12345678), with or without +86.
const PHONE = /^\+?[0-9][0-9 -]{4,19}$/;
const PHONE_MESSAGE = '$property must be a phone number (digits, spaces, "-", an optional leading +)';

/** The fields a coordinator sets of a member; null clears an optional one. */
class MemberFieldsDto {
  @IsOptional() @IsIn(UNIT_KINDS) unitKind?: UnitKind | null;
  @IsOptional() @IsText(500) address?: string | null;
  @IsOptional() @IsLatitude() lat?: number | null;
  @IsOptional() @IsLongitude() lng?: number | null;
  @IsOptional() @IsText(100) contactName?: string | null;
  @IsOptional() @Matches(PHONE, { message: PHONE_MESSAGE }) contactPhone?: string | null;
}

/** POST /alliances/{allianceId}/members: a unit or community joins the roster (成员名册). */
export class AddMemberDto extends MemberFieldsDto {
  @IsIn(MEMBER_KINDS) kind!: MemberKind;
  /** The id its lists use as submitter id (e.g. unit-kongkong-daodan). */
  @IsIdentifier() memberId!: string;
  @IsText(200) name!: string;
  /** pending: listed but not yet admitted by the joint meeting. */
  @IsOptional() @IsIn(['active', 'pending']) status?: 'active' | 'pending';
}

/** PATCH /alliances/{allianceId}/members/{kind}/{memberId}: only the fields given change. */
export class UpdateMemberDto extends MemberFieldsDto {
  @IsOptional() @IsText(200) name?: string;
  @IsOptional() @IsIn(['active', 'pending', 'refused', 'withdrawn']) status?:
    'active' | 'pending' | 'refused' | 'withdrawn';
}

/** GET /alliances/{allianceId}/members?kind= */
export class MembersQueryDto {
  @IsOptional() @IsIn(MEMBER_KINDS) kind?: MemberKind;
}
