/*
 * @redcrowd/projects: the project aggregate (项目清单 entry), plain TypeScript with no
 * framework and no I/O. It owns every rule of a project's life, each in one place:
 *   - the lifecycle graph and its transitions (proposed → approved → offered → claimed →
 *     in-progress → completed; rejected, cancelled, expired as ends), each change versioned
 *     and returned as a domain event;
 *   - the operations: propose, revise, cancel (rounds); approve, reject, editAllocation,
 *     swapAllocation (the joint meeting, 联席会); offer, openHall, decline, expire (offers);
 *     decideClaim and claim (认领); start, reportWork (完成报告) and complete with the points
 *     (积分) split;
 *   - the capacity rule: which statuses hold resource capacity, stand for their demand,
 *     keep a demand out of the next round's pool, or keep items matched, with sqlList() so
 *     the repositories derive their SQL from these lists instead of retyping them;
 *   - ProjectError, the refusals with stable codes and today's messages.
 * Every operation is a pure function: the state in, the new state and the events to publish
 * out. Time (`at`, ms since the epoch), actors and new ids are inputs, so results are
 * deterministic. Loading, locking, writing and publishing stay with the caller.
 */
export * from './model';
export * from './errors';
export * from './events';
export {
  NEXT_STATUSES,
  ALL_STATUSES,
  END_STATUSES,
  canBecome,
  assertTransition,
  assertVersion,
} from './lifecycle';
export * from './capacity';
export { MAX_REASON_LENGTH } from './reason';
export * from './proposal';
export * from './review';
export { offer, openHall, expire, decline, type OfferWindow, type MoveOn, type ExpiryChange } from './offers';
export * from './claims';
export * from './progress';
export * from './work-report';
export * from './points';
