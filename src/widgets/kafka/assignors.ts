/**
 * Consumer-group partition assignors and rebalance protocols.
 *
 * assign(strategy, members, partitionsPerTopic):
 * - 'range', 'roundrobin': exactly Kafka's RangeAssignor and RoundRobinAssignor (assignors-classic.ts).
 * - 'sticky': the StickyAssignor target (assignors-sticky.ts).
 * - 'cooperative-sticky': where the group settles once the cooperative rounds are over (cooperativeRebalance().final).
 *
 * cooperativeRebalance(previous, members, partitionsPerTopic): the incremental protocol round by round, next to the
 * eager (stop-the-world) protocol for the same change.
 */

import {
  compareTopicPartitions,
  ownersOf,
  subscribedPartitions,
  tpKey,
  validateGroup,
  type AssignStrategy,
  type Assignment,
  type GroupMember,
  type PartitionsPerTopic,
  type TopicPartition,
} from './assignors-common.ts';
import { rangeAssign, roundRobinAssign } from './assignors-classic.ts';
import { stickyAssign } from './assignors-sticky.ts';

export * from './assignors-common.ts';
export { kafkaTopicOrder, rangeAssign, roundRobinAssign } from './assignors-classic.ts';
export { allSubscriptionsEqual, stickyAssign, stickyAssignDetailed, validOwnedPartitions, type StickyDetails } from './assignors-sticky.ts';
export { javaHashMapOrder, javaStringHashCode } from './assignors-java.ts';

export function assign(strategy: AssignStrategy, members: readonly GroupMember[], partitionsPerTopic: PartitionsPerTopic): Assignment {
  switch (strategy) {
    case 'range':
      return rangeAssign(members, partitionsPerTopic);
    case 'roundrobin':
      return roundRobinAssign(members, partitionsPerTopic);
    case 'sticky':
      return stickyAssign(members, partitionsPerTopic);
    case 'cooperative-sticky':
      return cooperativeRebalance(ownedAssignment(members), members, partitionsPerTopic).final;
    default: {
      const never: never = strategy;
      throw new Error(`Unknown assignment strategy ${String(never)}`);
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Rebalance protocols
// ---------------------------------------------------------------------------------------------

export interface RebalanceRound {
  /** Partitions each member gives up in this round (onPartitionsRevoked). */
  revoked: Assignment;
  /** Partitions each member gains at the end of this round (onPartitionsAssigned). */
  added: Assignment;
  /** Each member's partitions at the end of this round. */
  assignment: Assignment;
  /** Partitions the leader held back this round because another member still owned them. */
  withheld: TopicPartition[];
}

export interface RebalanceResult {
  protocol: 'eager' | 'cooperative';
  strategy: AssignStrategy;
  /** What each current member owned when the rebalance started (existing partitions only). */
  before: Assignment;
  rounds: RebalanceRound[];
  /** The assignment the group ends with. */
  final: Assignment;
  /** Partitions owned by one current member before and by another after. */
  moved: TopicPartition[];
  /** Partitions no current member owned before (a departed or crashed member's, or new ones). */
  previouslyUnowned: TopicPartition[];
  /** Partitions whose owner kept consuming them through every round. */
  keptThroughout: TopicPartition[];
  /** Every other subscribed partition: nobody consumes it for at least part of the rebalance. */
  unavailable: TopicPartition[];
}

export interface CooperativeRebalanceResult extends RebalanceResult {
  protocol: 'cooperative';
  strategy: 'cooperative-sticky';
  /** First rebalance: revocations only; members keep (and keep consuming) everything else. */
  round1: RebalanceRound;
  /** Follow-up rebalance that hands out what round 1 revoked; null when nothing had to move. */
  round2: RebalanceRound | null;
  /** The same change under the eager protocol with the sticky assignor. */
  eager: RebalanceResult;
}

/** members' own `owned` lists as an Assignment. */
export function ownedAssignment(members: readonly GroupMember[]): Assignment {
  const out: Assignment = {};
  for (const m of members) out[m.id] = [...(m.owned ?? [])];
  return out;
}

function exists(tp: TopicPartition, partitionsPerTopic: PartitionsPerTopic): boolean {
  const n = partitionsPerTopic[tp.topic];
  return n !== undefined && Number.isInteger(tp.partition) && tp.partition >= 0 && tp.partition < n;
}

/** Current members' previous partitions (existing ones, each once). */
function startingPoint(previous: Assignment, members: readonly GroupMember[], partitionsPerTopic: PartitionsPerTopic): Assignment {
  const out: Assignment = {};
  for (const m of members) {
    const seen = new Set<string>();
    out[m.id] = (previous[m.id] ?? []).filter((tp) => {
      if (!exists(tp, partitionsPerTopic) || seen.has(tpKey(tp))) return false;
      seen.add(tpKey(tp));
      return true;
    });
  }
  return out;
}

/** a minus b, per member of a. */
function minus(a: Assignment, b: Assignment): Assignment {
  const out: Assignment = {};
  for (const [id, tps] of Object.entries(a)) {
    const inB = new Set((b[id] ?? []).map(tpKey));
    out[id] = tps.filter((tp) => !inB.has(tpKey(tp))).sort(compareTopicPartitions);
  }
  return out;
}

/**
 * CooperativeStickyAssignor.computePartitionsTransferringOwnership: partitions added to a member that did not own
 * them AND revoked from a member that did.
 */
export function partitionsTransferringOwnership(owned: Assignment, target: Assignment): TopicPartition[] {
  const added = new Map<string, TopicPartition>();
  const revoked = new Set<string>();
  for (const [id, tps] of Object.entries(target)) {
    const mine = new Set((owned[id] ?? []).map(tpKey));
    for (const tp of tps) if (!mine.has(tpKey(tp))) added.set(tpKey(tp), tp);
    const assigned = new Set(tps.map(tpKey));
    for (const tp of owned[id] ?? []) if (!assigned.has(tpKey(tp))) revoked.add(tpKey(tp));
  }
  return [...added.entries()].filter(([k]) => revoked.has(k)).map(([, tp]) => tp).sort(compareTopicPartitions);
}

function summarize(
  before: Assignment,
  rounds: RebalanceRound[],
  final: Assignment,
  members: readonly GroupMember[],
  partitionsPerTopic: PartitionsPerTopic,
): Pick<RebalanceResult, 'moved' | 'previouslyUnowned' | 'keptThroughout' | 'unavailable'> {
  const ownersBefore = ownersOf(before);
  const ownersAfter = ownersOf(final);
  const all = subscribedPartitions(members, partitionsPerTopic);
  const keptThroughout = all.filter((tp) => {
    const owner = ownersBefore.get(tpKey(tp));
    return owner !== undefined && rounds.every((r) => r.assignment[owner]!.some((x) => tpKey(x) === tpKey(tp)));
  });
  const kept = new Set(keptThroughout.map(tpKey));
  return {
    moved: all.filter((tp) => {
      const b = ownersBefore.get(tpKey(tp));
      const a = ownersAfter.get(tpKey(tp));
      return b !== undefined && a !== undefined && a !== b;
    }),
    previouslyUnowned: all.filter((tp) => !ownersBefore.has(tpKey(tp))),
    keptThroughout,
    unavailable: all.filter((tp) => !kept.has(tpKey(tp))),
  };
}

/**
 * Eager protocol: every member revokes all it owns before rejoining (ConsumerCoordinator.onJoinPrepare with
 * RebalanceProtocol.EAGER), the leader computes a new assignment, and consumption resumes only when it arrives:
 * every partition is unavailable during the rebalance. With 'sticky' the members still report what they owned, so
 * the new assignment stays sticky even though everything stopped.
 */
export function eagerRebalance(strategy: AssignStrategy, previous: Assignment, members: readonly GroupMember[], partitionsPerTopic: PartitionsPerTopic): RebalanceResult {
  validateGroup(members, partitionsPerTopic);
  const before = startingPoint(previous, members, partitionsPerTopic);
  const withOwned = members.map((m) => ({ ...m, owned: before[m.id]! }));
  const final = strategy === 'cooperative-sticky' ? stickyAssign(withOwned, partitionsPerTopic) : assign(strategy, withOwned, partitionsPerTopic);
  const nothing: Assignment = {};
  for (const m of members) nothing[m.id] = [];
  const round: RebalanceRound = {
    revoked: minus(before, nothing),
    added: minus(final, nothing),
    assignment: final,
    withheld: [],
  };
  // Under eager nothing is kept through the round: the members hold no partitions while it runs.
  const summary = summarize(before, [{ ...round, assignment: nothing }], final, members, partitionsPerTopic);
  return { protocol: 'eager', strategy, before, rounds: [round], final, ...summary };
}

/** Safety net: with valid input the sticky assignor settles in two rounds. */
const MAX_ROUNDS = 8;

/**
 * Cooperative protocol with the cooperative-sticky assignor (KIP-429). Each rebalance, the leader computes the
 * sticky target from what members own, then (CooperativeStickyAssignor.adjustAssignment) withholds every partition
 * that would go to a member while another member still owns it. Members revoke only what they lost and keep
 * consuming the rest; anyone who revoked something rejoins at once, and the follow-up rebalance assigns the now
 * unowned partitions. Only partitions that change owner (and those nobody owned) pause.
 *
 * previous: what each member owned (members absent from `members` have left; their partitions are unowned).
 */
export function cooperativeRebalance(previous: Assignment, members: readonly GroupMember[], partitionsPerTopic: PartitionsPerTopic): CooperativeRebalanceResult {
  validateGroup(members, partitionsPerTopic);
  const before = startingPoint(previous, members, partitionsPerTopic);
  const rounds: RebalanceRound[] = [];
  let owned = before;
  for (let i = 0; i < MAX_ROUNDS; i++) {
    const target = stickyAssign(members.map((m) => ({ ...m, owned: owned[m.id]! })), partitionsPerTopic);
    const withheld = partitionsTransferringOwnership(owned, target);
    const held = new Set(withheld.map(tpKey));
    const assignment: Assignment = {};
    for (const [id, tps] of Object.entries(target)) assignment[id] = tps.filter((tp) => !held.has(tpKey(tp)));
    const round: RebalanceRound = { revoked: minus(owned, assignment), added: minus(assignment, owned), assignment, withheld };
    rounds.push(round);
    owned = assignment;
    if (Object.values(round.revoked).every((tps) => tps.length === 0)) break;
  }
  const final = owned;
  return {
    protocol: 'cooperative',
    strategy: 'cooperative-sticky',
    before,
    rounds,
    round1: rounds[0]!,
    round2: rounds[1] ?? null,
    final,
    ...summarize(before, rounds, final, members, partitionsPerTopic),
    eager: eagerRebalance('sticky', previous, members, partitionsPerTopic),
  };
}
