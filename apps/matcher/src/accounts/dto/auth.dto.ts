import { IsIn, IsInt, IsOptional, IsString, IsUUID, Length, Matches, Max, Min } from 'class-validator';
import { INVITE_VALID_HOURS } from '@redcrowd/accounts';
import { IsIdentifier, IsText, Nested } from '@redcrowd/contracts';

/** POST /auth/sign-in. The password is checked as typed; only its length is bounded here. */
export class SignInDto {
  @IsString() @Length(1, 100) login!: string;
  @IsString() @Length(1, 1024) password!: string;
  /** The membership to act in; the first one when absent. */
  @IsOptional() @IsUUID() membershipId?: string;
}

/** POST /auth/refresh: a refresh token, optionally switching to another membership. */
export class RefreshDto {
  @IsString() @Length(20, 200) refreshToken!: string;
  @IsOptional() @IsUUID() membershipId?: string;
}

/** POST /auth/sign-out. */
export class SignOutDto {
  @IsString() @Length(20, 200) refreshToken!: string;
}

/**
 * POST /auth/links/{secret}/accept: the password the person chooses (a setup link), or for
 * an invite also their sign-in name and display name (an existing account's name and
 * password add the membership to it).
 */
export class AcceptLinkDto {
  @IsString() @Length(1, 1024) password!: string;
  @IsOptional() @IsString() @Length(1, 100) login?: string;
  @IsOptional() @IsText(100) displayName?: string;
}

/** POST /alliances/{allianceId}/invites. */
export class CreateInviteDto {
  @IsIn(['coordinator', 'unit', 'community']) role!: 'coordinator' | 'unit' | 'community';
  /** The unit's or community's id on the roster. */
  @IsOptional() @IsIdentifier() memberId?: string;
  @IsOptional() @IsInt() @Min(INVITE_VALID_HOURS.min) @Max(INVITE_VALID_HOURS.max) validHours?: number;
}

/** POST /me/password. */
export class ChangePasswordDto {
  @IsString() @Length(1, 1024) currentPassword!: string;
  @IsString() @Length(1, 1024) newPassword!: string;
}

/** The membership an admin grants with a new account. */
export class MembershipGrantDto {
  @IsIn(['admin', 'coordinator', 'unit', 'community']) role!: 'admin' | 'coordinator' | 'unit' | 'community';
  @IsOptional() @IsIdentifier() allianceId?: string;
  @IsOptional() @IsIdentifier() unitId?: string;
  @IsOptional() @IsIdentifier() communityId?: string;
}

/** POST /accounts (admin). */
export class CreateAccountDto {
  @IsString() @Length(1, 100) login!: string;
  @IsText(100) displayName!: string;
  @Nested(() => MembershipGrantDto) membership!: MembershipGrantDto;
}

/** PATCH /accounts/{accountId} (admin). */
export class UpdateAccountDto {
  @IsIn(['active', 'disabled']) status!: 'active' | 'disabled';
}

/** GET /auth/sso/start: the invite a sign-on accepts, if any. */
export class StartSsoDto {
  @IsOptional()
  @Matches(/^[A-Za-z0-9_-]{43}$/, { message: '$property must be an invite link secret' })
  invite?: string;
}

/** POST /auth/sso/complete: the hand-off the callback left in the dashboard's address. */
export class CompleteSsoDto {
  @IsString() @Length(20, 200) handoff!: string;
}
