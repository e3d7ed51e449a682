/** Types and helpers shared by the consumer-group assignors (range, round robin, sticky, cooperative-sticky). */

import { compareJavaStrings } from './assignors-java.ts';

export interface TopicPartition {
  topic: string;
  partition: number;
}

export interface GroupMember {
  /** member.id, assigned by the group coordinator. */
  id: string;
  /** Subscribed topics. */
  topics: string[];
  /** Partitions the member owned in the previous generation (sent in its subscription by sticky assignors). */
  owned?: TopicPartition[];
  /** group.instance.id, for static membership. */
  instanceId?: string;
}

export type AssignStrategy = 'range' | 'roundrobin' | 'sticky' | 'cooperative-sticky';
export type PartitionsPerTopic = Record<string, number>;
/** memberId -> partitions. Every member appears, possibly with an empty list. */
export type Assignment = Record<string, TopicPartition[]>;

export const ASSIGN_STRATEGIES: readonly AssignStrategy[] = ['range', 'roundrobin', 'sticky', 'cooperative-sticky'];

export function tpKey(tp: TopicPartition): string {
  return `${tp.topic}-${tp.partition}`;
}

/** Topic name, then partition number (Kafka's TopicPartitionComparator). */
export function compareTopicPartitions(a: TopicPartition, b: TopicPartition): number {
  return compareJavaStrings(a.topic, b.topic) || a.partition - b.partition;
}

/**
 * AbstractPartitionAssignor.MemberInfo.compareTo: members with a group.instance.id first, ordered by it; then
 * members without one, ordered by member id. Range and round robin walk members in this order.
 */
export function compareMembers(a: GroupMember, b: GroupMember): number {
  if (a.instanceId !== undefined && b.instanceId !== undefined) return compareJavaStrings(a.instanceId, b.instanceId);
  if (a.instanceId !== undefined) return -1;
  if (b.instanceId !== undefined) return 1;
  return compareJavaStrings(a.id, b.id);
}

/** Members in MemberInfo order (a stable sort, like Collections.sort). */
export function orderMembers(members: readonly GroupMember[]): GroupMember[] {
  return [...members].sort(compareMembers);
}

export function validateGroup(members: readonly GroupMember[], partitionsPerTopic: PartitionsPerTopic): void {
  const ids = new Set<string>();
  for (const m of members) {
    if (ids.has(m.id)) throw new Error(`Duplicate member id "${m.id}"`);
    ids.add(m.id);
  }
  for (const [topic, n] of Object.entries(partitionsPerTopic)) {
    if (!Number.isInteger(n) || n < 0) throw new RangeError(`Topic "${topic}" has an invalid partition count ${n}`);
  }
}

export function emptyAssignment(members: readonly GroupMember[]): Assignment {
  const assignment: Assignment = {};
  for (const m of members) assignment[m.id] = [];
  return assignment;
}

export function partitionsOf(topic: string, n: number): TopicPartition[] {
  return Array.from({ length: n }, (_, partition) => ({ topic, partition }));
}

/**
 * Topics the assignors see: subscribed by at least one member and with at least one partition (the group leader
 * skips topics without metadata, AbstractPartitionAssignor.assign), sorted by name.
 */
export function subscribedTopics(members: readonly GroupMember[], partitionsPerTopic: PartitionsPerTopic): string[] {
  const topics = new Set<string>();
  for (const m of members) for (const t of m.topics) if ((partitionsPerTopic[t] ?? 0) > 0) topics.add(t);
  return [...topics].sort(compareJavaStrings);
}

/** Every partition of a subscribed topic, sorted by topic then partition. */
export function subscribedPartitions(members: readonly GroupMember[], partitionsPerTopic: PartitionsPerTopic): TopicPartition[] {
  return subscribedTopics(members, partitionsPerTopic).flatMap((t) => partitionsOf(t, partitionsPerTopic[t]!));
}

/** The same assignment with every member's list sorted by topic then partition (for display and comparisons). */
export function sortedAssignment(assignment: Assignment): Assignment {
  const out: Assignment = {};
  for (const [id, tps] of Object.entries(assignment)) out[id] = [...tps].sort(compareTopicPartitions);
  return out;
}

/** Number of partitions per member. */
export function assignmentCounts(assignment: Assignment): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [id, tps] of Object.entries(assignment)) out[id] = tps.length;
  return out;
}

/** partition key -> member id. */
export function ownersOf(assignment: Assignment): Map<string, string> {
  const owners = new Map<string, string>();
  for (const [id, tps] of Object.entries(assignment)) for (const tp of tps) owners.set(tpKey(tp), id);
  return owners;
}
