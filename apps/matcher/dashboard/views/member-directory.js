// @ts-check

import { UnauthorizedError } from '../api.js';

/**
 * The alliance's roster (成员名册) as the review screen needs it: a unit's name where the API
 * gives only its id (swap candidates), and each member's contact for the printed project list.
 * Read once when first needed and kept: names and contacts change rarely, and a failed read
 * leaves the callers to show what they know without them.
 */

/** @typedef {import('../api.js').Schemas['Member']} Member */

/**
 * @param {import('./common.js').ViewContext} ctx
 */
export function createMemberDirectory(ctx) {
  /** @type {Map<string, Member>} */
  const members = new Map();
  /** @type {Promise<void> | null} */
  let reading = null;

  /**
   * @param {string} kind
   * @param {string} memberId
   */
  const keyOf = (kind, memberId) => `${kind}:${memberId}`;

  /** Reads the roster once; a failed read is tried again at the next call. */
  function load() {
    reading ??= (async () => {
      const allianceId = ctx.allianceId();
      if (!allianceId) return;
      const roster = /** @type {Member[]} */ (
        await ctx.api.get(`/alliances/${encodeURIComponent(allianceId)}/members`)
      );
      for (const member of roster) members.set(keyOf(member.kind, member.memberId), member);
    })().catch((error) => {
      reading = null;
      if (!(error instanceof UnauthorizedError)) throw error;
    });
    return reading;
  }

  return {
    load,
    /**
     * @param {'unit' | 'community'} kind
     * @param {string | null | undefined} memberId
     * @returns {Member | undefined}
     */
    member: (kind, memberId) => (memberId ? members.get(keyOf(kind, memberId)) : undefined),
  };
}

/** @typedef {ReturnType<typeof createMemberDirectory>} MemberDirectory */
