/**
 * RangeAssignor and RoundRobinAssignor, transliterated from apache/kafka
 * clients/src/main/java/org/apache/kafka/clients/consumer/RangeAssignor.java and RoundRobinAssignor.java
 * (without rack awareness, which needs replica placement this model does not have).
 */

import {
  emptyAssignment,
  orderMembers,
  partitionsOf,
  subscribedPartitions,
  validateGroup,
  type Assignment,
  type GroupMember,
  type PartitionsPerTopic,
} from './assignors-common.ts';
import { javaHashMapOrder } from './assignors-java.ts';

/**
 * The order in which the group leader's partitionsPerTopic HashMap yields topics: AbstractPartitionAssignor.assign
 * collects subscribed topics from the subscriptions HashMap into a HashSet, then puts those with metadata into a
 * HashMap. Only the order of topics inside each member's list depends on it, never who gets what.
 */
export function kafkaTopicOrder(members: readonly GroupMember[], partitionsPerTopic: PartitionsPerTopic): string[] {
  const byId = new Map(members.map((m) => [m.id, m]));
  const inserted: string[] = [];
  for (const id of javaHashMapOrder(members.map((m) => m.id))) {
    for (const t of byId.get(id)!.topics) if ((partitionsPerTopic[t] ?? 0) > 0) inserted.push(t);
  }
  return javaHashMapOrder(inserted);
}

/**
 * RangeAssignor: per topic, its subscribers in MemberInfo order; with N partitions and C subscribers the first
 * N % C subscribers get floor(N/C) + 1 consecutive partitions, the others floor(N/C).
 */
export function rangeAssign(members: readonly GroupMember[], partitionsPerTopic: PartitionsPerTopic): Assignment {
  validateGroup(members, partitionsPerTopic);
  const assignment = emptyAssignment(members);
  const ordered = orderMembers(members);
  for (const topic of kafkaTopicOrder(members, partitionsPerTopic)) {
    const consumers = ordered.filter((m) => m.topics.includes(topic));
    const numPartitions = partitionsPerTopic[topic]!;
    const perConsumer = Math.floor(numPartitions / consumers.length);
    const withExtra = numPartitions % consumers.length;
    const partitions = partitionsOf(topic, numPartitions);
    consumers.forEach((member, i) => {
      const start = perConsumer * i + Math.min(i, withExtra);
      const length = perConsumer + (i + 1 > withExtra ? 0 : 1);
      assignment[member.id]!.push(...partitions.slice(start, start + length));
    });
  }
  return assignment;
}

/**
 * RoundRobinAssignor: all partitions of the subscribed topics, sorted by topic name then partition, dealt one at a
 * time by a CircularIterator over the members in MemberInfo order that skips members not subscribed to the
 * partition's topic.
 */
export function roundRobinAssign(members: readonly GroupMember[], partitionsPerTopic: PartitionsPerTopic): Assignment {
  validateGroup(members, partitionsPerTopic);
  const assignment = emptyAssignment(members);
  const ordered = orderMembers(members);
  let cursor = 0;
  for (const tp of subscribedPartitions(members, partitionsPerTopic)) {
    // Terminates: tp's topic has at least one subscriber by construction of subscribedPartitions.
    while (!ordered[cursor % ordered.length]!.topics.includes(tp.topic)) cursor++;
    assignment[ordered[cursor % ordered.length]!.id]!.push(tp);
    cursor++;
  }
  return assignment;
}
