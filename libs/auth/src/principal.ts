/** Who may act in redcrowd. Each role but admin is bound to one alliance. */
export const ROLES = ['coordinator', 'unit', 'community', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/**
 * The signed-in person, read from a verified token and nowhere else: the alliance, unit and
 * community a request acts for are these, whatever the URL or body say.
 */
export interface Principal {
  /** Stable id of the person (token `sub`), recorded as the actor of their decisions. */
  subject: string;
  role: Role;
  /** Display name, e.g. 空空导弹研究院 or 邙岭路街道联席会. */
  name: string;
  /** null only for admin, who is not bound to an alliance. */
  allianceId: string | null;
  /** The alliance's display name when the token carries it, e.g. 西工区邙岭路街道党建联盟. */
  allianceName?: string;
  /** Set for role unit. */
  unitId?: string;
  /** Set for role community (the demand lists' submitter id). */
  communityId?: string;
  /** The sign-in session (refresh-token family) the token came from, if any. */
  sessionId?: string;
  expiresAt: Date;
}
