/**
 * StickyAssignor / CooperativeStickyAssignor target assignment, after apache/kafka
 * clients/src/main/java/org/apache/kafka/clients/consumer/internals/AbstractStickyAssignor.java (no racks).
 *
 * Two paths, as in Kafka:
 * - All members subscribe to the same topics: ConstrainedAssignmentBuilder, ported step by step (quotas, keeping
 *   owned partitions sorted by partition then topic, round-robin fill of the members under quota sorted by member
 *   id). Members are visited in java.util.HashMap order, so results equal Kafka's, including which over-quota owner
 *   keeps the extra partition.
 * - Subscriptions differ: GeneralAssignmentBuilder's first steps are ported (keep valid owned partitions; give each
 *   unassigned partition, topics with the fewest potential consumers first, to the potential consumer with the
 *   fewest partitions, ties by member id). Kafka's balance() then runs a partition-movement search whose choices
 *   depend on HashSet iteration; we use a simpler loop with the same stopping rule as Kafka's isBalanced() (no
 *   member holds a partition that a member with two or fewer partitions could take). Results are valid, balanced and
 *   sticky, but may differ from Kafka's in which partition moves.
 */

import {
  emptyAssignment,
  partitionsOf,
  subscribedTopics,
  tpKey,
  validateGroup,
  type Assignment,
  type GroupMember,
  type PartitionsPerTopic,
  type TopicPartition,
} from './assignors-common.ts';
import { compareJavaStrings, javaHashMapOrder } from './assignors-java.ts';

export interface StickyDetails {
  assignment: Assignment;
  /** Which of Kafka's two algorithms ran. */
  path: 'constrained' | 'general';
  /** Owned partitions each member could keep: existing, subscribed, claimed by nobody else. */
  validOwned: Map<string, TopicPartition[]>;
}

/**
 * Owned partitions a member may keep (AbstractStickyAssignor.allSubscriptionsEqual + assignOwnedPartitions): the
 * topic is one the group consumes, the member still subscribes to it, and no other member claims the same partition
 * (members of one generation claiming the same partition both lose it). Duplicates and partitions beyond the topic's
 * partition count are dropped.
 */
export function validOwnedPartitions(members: readonly GroupMember[], partitionsPerTopic: PartitionsPerTopic): Map<string, TopicPartition[]> {
  const claims = new Map<string, number>();
  const unique = (m: GroupMember) => {
    const seen = new Set<string>();
    return (m.owned ?? []).filter((tp) => {
      const k = tpKey(tp);
      if (seen.has(k)) return false;
      seen.add(k);
      return true;
    });
  };
  for (const m of members) for (const tp of unique(m)) claims.set(tpKey(tp), (claims.get(tpKey(tp)) ?? 0) + 1);
  const groupTopics = new Set(subscribedTopics(members, partitionsPerTopic));
  const result = new Map<string, TopicPartition[]>();
  for (const m of members) {
    result.set(
      m.id,
      unique(m)
        .filter((tp) => groupTopics.has(tp.topic) && m.topics.includes(tp.topic))
        .filter((tp) => Number.isInteger(tp.partition) && tp.partition >= 0 && tp.partition < partitionsPerTopic[tp.topic]!)
        .filter((tp) => claims.get(tpKey(tp)) === 1)
        .map((tp) => ({ topic: tp.topic, partition: tp.partition })),
    );
  }
  return result;
}

/** Kafka compares each subscription's topic list as a set (allSubscriptionsEqual). */
export function allSubscriptionsEqual(members: readonly GroupMember[]): boolean {
  const norm = (m: GroupMember) => [...new Set(m.topics)].sort(compareJavaStrings).join('\u0000');
  const first = members[0] ? norm(members[0]) : '';
  return members.every((m) => norm(m) === first);
}

/** ConstrainedAssignmentBuilder.build (non-rack-aware path). */
function constrainedAssign(members: readonly GroupMember[], topics: readonly string[], partitionsPerTopic: PartitionsPerTopic, owned: Map<string, TopicPartition[]>): Assignment {
  const assignment = emptyAssignment(members);
  const total = topics.reduce((sum, t) => sum + partitionsPerTopic[t]!, 0);
  const numberOfConsumers = members.length;
  const minQuota = Math.floor(total / numberOfConsumers);
  const maxQuota = Math.ceil(total / numberOfConsumers);
  const expectedNumMembersWithOverMinQuota = total % numberOfConsumers;
  let currentNumMembersWithOverMinQuota = 0;
  const unfilledUnderMin: string[] = [];
  const unfilledExactlyMin: string[] = [];
  const assigned = new Set<string>();
  const keep = (id: string, tps: readonly TopicPartition[]) => {
    for (const tp of tps) {
      assignment[id]!.push(tp);
      assigned.add(tpKey(tp));
    }
  };

  // assignOwnedPartitions: currentAssignment is a HashMap keyed by member id.
  for (const id of javaHashMapOrder(members.map((m) => m.id))) {
    const mine = [...owned.get(id)!].sort((a, b) => a.partition - b.partition || compareJavaStrings(a.topic, b.topic));
    if (mine.length < minQuota) {
      keep(id, mine);
      unfilledUnderMin.push(id);
    } else if (mine.length >= maxQuota && currentNumMembersWithOverMinQuota < expectedNumMembersWithOverMinQuota) {
      currentNumMembersWithOverMinQuota++;
      if (currentNumMembersWithOverMinQuota === expectedNumMembersWithOverMinQuota) unfilledExactlyMin.length = 0;
      keep(id, mine.slice(0, maxQuota));
    } else {
      keep(id, mine.slice(0, minQuota));
      if (currentNumMembersWithOverMinQuota < expectedNumMembersWithOverMinQuota) unfilledExactlyMin.push(id);
    }
  }

  const unassigned = topics.flatMap((t) => partitionsOf(t, partitionsPerTopic[t]!)).filter((tp) => !assigned.has(tpKey(tp)));
  unfilledUnderMin.sort(compareJavaStrings);
  unfilledExactlyMin.sort(compareJavaStrings);

  // assignRoundRobin, with a Java LinkedList iterator over unfilledUnderMin emulated by an index.
  let next = 0;
  for (const tp of unassigned) {
    let consumer: string;
    if (next < unfilledUnderMin.length) {
      consumer = unfilledUnderMin[next++]!;
    } else if (unfilledUnderMin.length === 0 && unfilledExactlyMin.length === 0) {
      throw new Error('No more unfilled consumers to be assigned.');
    } else if (unfilledUnderMin.length === 0) {
      consumer = unfilledExactlyMin.shift()!;
    } else {
      next = 0;
      consumer = unfilledUnderMin[next++]!;
    }
    assignment[consumer]!.push(tp);
    const count = assignment[consumer]!.length;
    if (count === minQuota) {
      unfilledUnderMin.splice(--next, 1);
      unfilledExactlyMin.push(consumer);
    } else if (count === maxQuota) {
      currentNumMembersWithOverMinQuota++;
    }
  }
  return assignment;
}

/** GeneralAssignmentBuilder's placement, then our balancing loop (see the file comment). */
function generalAssign(members: readonly GroupMember[], topics: readonly string[], partitionsPerTopic: PartitionsPerTopic, owned: Map<string, TopicPartition[]>): Assignment {
  const assignment: Assignment = {};
  const previouslyOwned = new Set<string>();
  for (const m of members) {
    assignment[m.id] = [...owned.get(m.id)!];
    for (const tp of owned.get(m.id)!) previouslyOwned.add(`${m.id}\u0000${tpKey(tp)}`);
  }
  const count = (id: string) => assignment[id]!.length;
  const byLoad = (a: string, b: string) => count(a) - count(b) || compareJavaStrings(a, b);

  const potential = new Map<string, string[]>();
  for (const t of topics) potential.set(t, members.filter((m) => m.topics.includes(t)).map((m) => m.id).sort(compareJavaStrings));
  // TopicComparator: fewest potential consumers first, then topic name.
  const sortedTopics = [...topics].sort((a, b) => potential.get(a)!.length - potential.get(b)!.length || compareJavaStrings(a, b));
  const taken = new Set([...owned.values()].flat().map(tpKey));
  for (const tp of sortedTopics.flatMap((t) => partitionsOf(t, partitionsPerTopic[t]!))) {
    if (taken.has(tpKey(tp))) continue;
    const target = [...potential.get(tp.topic)!].sort(byLoad)[0]!;
    assignment[target]!.push(tp);
  }

  // Move one partition at a time from a member to a potential consumer holding at least two fewer, largest gap
  // first, preferring a partition the giver did not own before. Each move lowers the sum of squared counts, so the
  // loop ends, and it ends exactly when Kafka's isBalanced() condition holds.
  const ids = members.map((m) => m.id).sort(compareJavaStrings);
  for (;;) {
    let best: { from: string; to: string; index: number; gap: number; sticky: boolean } | undefined;
    for (const giver of ids) {
      assignment[giver]!.forEach((tp, index) => {
        const sticky = previouslyOwned.has(`${giver}\u0000${tpKey(tp)}`);
        for (const taker of potential.get(tp.topic)!) {
          const gap = count(giver) - count(taker);
          if (gap < 2) continue;
          if (best === undefined || gap > best.gap || (gap === best.gap && best.sticky && !sticky)) {
            best = { from: giver, to: taker, index, gap, sticky };
          }
        }
      });
    }
    if (best === undefined) break;
    const [tp] = assignment[best.from]!.splice(best.index, 1);
    assignment[best.to]!.push(tp!);
  }
  return assignment;
}

export function stickyAssignDetailed(members: readonly GroupMember[], partitionsPerTopic: PartitionsPerTopic): StickyDetails {
  validateGroup(members, partitionsPerTopic);
  const validOwned = validOwnedPartitions(members, partitionsPerTopic);
  if (members.length === 0) return { assignment: {}, path: 'constrained', validOwned };
  const topics = subscribedTopics(members, partitionsPerTopic);
  const path = allSubscriptionsEqual(members) ? 'constrained' : 'general';
  const assignment =
    path === 'constrained'
      ? constrainedAssign(members, topics, partitionsPerTopic, validOwned)
      : generalAssign(members, topics, partitionsPerTopic, validOwned);
  return { assignment, path, validOwned };
}

/**
 * The sticky assignment: balanced, and keeping as many previously owned partitions as balance allows. Lists are in
 * the order Kafka builds them (kept partitions first); use sortedAssignment() for display.
 */
export function stickyAssign(members: readonly GroupMember[], partitionsPerTopic: PartitionsPerTopic): Assignment {
  return stickyAssignDetailed(members, partitionsPerTopic).assignment;
}

