/**
 * Known vectors are ported from apache/kafka (expected values copied from the Java tests):
 * - clients/src/test/java/org/apache/kafka/clients/consumer/RangeAssignorTest.java
 * - clients/src/test/java/org/apache/kafka/clients/consumer/RoundRobinAssignorTest.java
 * - clients/src/test/java/org/apache/kafka/clients/consumer/internals/AbstractStickyAssignorTest.java
 * - the class Javadoc examples of RangeAssignor.java and RoundRobinAssignor.java
 * Kafka's assertAssignment compares as sets where noted; we compare exact lists wherever Kafka's test does.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ASSIGN_STRATEGIES,
  assign,
  cooperativeRebalance,
  eagerRebalance,
  javaHashMapOrder,
  javaStringHashCode,
  partitionsTransferringOwnership,
  rangeAssign,
  roundRobinAssign,
  sortedAssignment,
  stickyAssign,
  stickyAssignDetailed,
  subscribedPartitions,
  tpKey,
  validOwnedPartitions,
  type Assignment,
  type GroupMember,
  type PartitionsPerTopic,
  type TopicPartition,
} from '../../../src/widgets/kafka/assignors.ts';

const tp = (topic: string, partition: number): TopicPartition => ({ topic, partition });
/** Parses Kafka's "t1-0, t1-3" strings (AbstractPartitionAssignorTest.toSortedString format). */
const tps = (s: string): TopicPartition[] =>
  s === '' ? [] : s.split(', ').map((x) => tp(x.slice(0, x.lastIndexOf('-')), Number(x.slice(x.lastIndexOf('-') + 1))));
const m = (id: string, topics: string[], extra: Partial<GroupMember> = {}): GroupMember => ({ id, topics, ...extra });
const keys = (list: readonly TopicPartition[]) => list.map(tpKey).sort();
const asSets = (a: Assignment) => Object.fromEntries(Object.entries(a).map(([id, l]) => [id, keys(l)]));

const topic1 = 'topic1';
const topic2 = 'topic2';

describe('Java semantics helpers', () => {
  it('String.hashCode matches the JLS definition ("a" = 97, "ab" = 97*31+98 = 3105)', () => {
    expect(javaStringHashCode('')).toBe(0);
    expect(javaStringHashCode('a')).toBe(97);
    expect(javaStringHashCode('ab')).toBe(3105);
    // Wraps to a signed 32-bit int like Java: "polygenelubricants".hashCode() == Integer.MIN_VALUE.
    expect(javaStringHashCode('polygenelubricants')).toBe(-2147483648);
  });
  it('HashMap order puts consumer3 before consumer2 before consumer1 (buckets 10, 11, 12 of 16)', () => {
    // This is why AbstractStickyAssignorTest.testMaxQuotaConsumerMoreThanNumExpectedMaxCapacityMembers lets
    // consumer2, not consumer1, keep the extra partition.
    expect(javaHashMapOrder(['consumer1', 'consumer2', 'consumer3'])).toEqual(['consumer3', 'consumer2', 'consumer1']);
  });
});

describe('RangeAssignor (RangeAssignorTest)', () => {
  it('testOneConsumerNoTopic / testOneConsumerNonexistentTopic', () => {
    expect(rangeAssign([m('consumer1', [])], {})).toEqual({ consumer1: [] });
    expect(rangeAssign([m('consumer1', [topic1])], {})).toEqual({ consumer1: [] });
  });
  it('testOneConsumerOneTopic', () => {
    expect(rangeAssign([m('consumer1', [topic1])], { topic1: 3 })).toEqual({ consumer1: [tp(topic1, 0), tp(topic1, 1), tp(topic1, 2)] });
  });
  it('testOnlyAssignsPartitionsFromSubscribedTopics', () => {
    expect(rangeAssign([m('consumer1', [topic1])], { topic1: 3, other: 3 })).toEqual({ consumer1: [tp(topic1, 0), tp(topic1, 1), tp(topic1, 2)] });
  });
  it('testOneConsumerMultipleTopics', () => {
    expect(rangeAssign([m('consumer1', [topic1, topic2])], { topic1: 1, topic2: 2 })).toEqual({
      consumer1: [tp(topic1, 0), tp(topic2, 0), tp(topic2, 1)],
    });
  });
  it('testTwoConsumersOneTopicOnePartition / TwoPartitions', () => {
    const two = [m('consumer1', [topic1]), m('consumer2', [topic1])];
    expect(rangeAssign(two, { topic1: 1 })).toEqual({ consumer1: [tp(topic1, 0)], consumer2: [] });
    expect(rangeAssign(two, { topic1: 2 })).toEqual({ consumer1: [tp(topic1, 0)], consumer2: [tp(topic1, 1)] });
  });
  it('testMultipleConsumersMixedTopics', () => {
    const members = [m('consumer1', [topic1]), m('consumer2', [topic1, topic2]), m('consumer3', [topic1])];
    expect(rangeAssign(members, { topic1: 3, topic2: 2 })).toEqual({
      consumer1: [tp(topic1, 0)],
      consumer2: [tp(topic1, 1), tp(topic2, 0), tp(topic2, 1)],
      consumer3: [tp(topic1, 2)],
    });
  });
  it('testTwoConsumersTwoTopicsSixPartitions', () => {
    const members = [m('consumer1', [topic1, topic2]), m('consumer2', [topic1, topic2])];
    expect(rangeAssign(members, { topic1: 3, topic2: 3 })).toEqual({
      consumer1: [tp(topic1, 0), tp(topic1, 1), tp(topic2, 0), tp(topic2, 1)],
      consumer2: [tp(topic1, 2), tp(topic2, 2)],
    });
  });
  it('testTwoStaticConsumersTwoTopicsSixPartitions: instance ids decide, not member ids', () => {
    const members = [
      m('consumer-b', [topic1, topic2], { instanceId: 'instance1' }),
      m('consumer-a', [topic1, topic2], { instanceId: 'instance2' }),
    ];
    expect(rangeAssign(members, { topic1: 3, topic2: 3 })).toEqual({
      'consumer-b': [tp(topic1, 0), tp(topic1, 1), tp(topic2, 0), tp(topic2, 1)],
      'consumer-a': [tp(topic1, 2), tp(topic2, 2)],
    });
  });
  it('testOneStaticConsumerAndOneDynamicConsumerTwoTopicsSixPartitions: static members come first', () => {
    const members = [m('consumer-b', [topic1, topic2], { instanceId: 'instance1' }), m('consumer-a', [topic1, topic2])];
    expect(rangeAssign(members, { topic1: 3, topic2: 3 })).toEqual({
      'consumer-b': [tp(topic1, 0), tp(topic1, 1), tp(topic2, 0), tp(topic2, 1)],
      'consumer-a': [tp(topic1, 2), tp(topic2, 2)],
    });
  });
  it('testStaticMemberRangeAssignmentPersistent (exact map equality, as in the Java test)', () => {
    const statics = [1, 2, 3].map((i) => m(`consumer${i}`, [topic1, topic2], { instanceId: `instance${i}` }));
    const expected = {
      consumer1: [tp(topic1, 0), tp(topic1, 1), tp(topic2, 0)],
      consumer2: [tp(topic1, 2), tp(topic2, 1)],
      consumer3: [tp(topic1, 3), tp(topic2, 2)],
    };
    expect(rangeAssign([...statics, m('consumer4', [topic1, topic2])], { topic1: 5, topic2: 4 })).toEqual({
      ...expected,
      consumer4: [tp(topic1, 4), tp(topic2, 3)],
    });
    expect(rangeAssign([...statics, m('consumer5', [topic1, topic2])], { topic1: 5, topic2: 4 })).toEqual({
      ...expected,
      consumer5: [tp(topic1, 4), tp(topic2, 3)],
    });
  });
  it('testStaticMemberRangeAssignmentPersistentAfterMemberIdChanges', () => {
    const ppt = { topic1: 5, topic2: 5 };
    const expected = {
      instance1: [tp(topic1, 0), tp(topic1, 1), tp(topic2, 0), tp(topic2, 1)],
      instance2: [tp(topic1, 2), tp(topic1, 3), tp(topic2, 2), tp(topic2, 3)],
      instance3: [tp(topic1, 4), tp(topic2, 4)],
    };
    const byInstance = (members: GroupMember[]) => {
      const a = rangeAssign(members, ppt);
      return Object.fromEntries(members.map((x) => [x.instanceId!, a[x.id]!]));
    };
    const before = [1, 2, 3].map((i) => m(`consumer${i}`, [topic1, topic2], { instanceId: `instance${i}` }));
    expect(byInstance(before)).toEqual(expected);
    // consumer3 -> consumer4 and consumer2 -> consumer5 keep their instance ids.
    const after = [
      m('consumer1', [topic1, topic2], { instanceId: 'instance1' }),
      m('consumer5', [topic1, topic2], { instanceId: 'instance2' }),
      m('consumer4', [topic1, topic2], { instanceId: 'instance3' }),
    ];
    expect(byInstance(after)).toEqual(expected);
  });
  it('RangeAssignor Javadoc example: C0 [t0p0, t0p1, t1p0, t1p1], C1 [t0p2, t1p2]', () => {
    expect(sortedAssignment(rangeAssign([m('C0', ['t0', 't1']), m('C1', ['t0', 't1'])], { t0: 3, t1: 3 }))).toEqual({
      C0: tps('t0-0, t0-1, t1-0, t1-1'),
      C1: tps('t0-2, t1-2'),
    });
  });
});

describe('RoundRobinAssignor (RoundRobinAssignorTest)', () => {
  it('testOneConsumerNoTopic / testOneConsumerNonexistentTopic', () => {
    expect(roundRobinAssign([m('consumer', [])], {})).toEqual({ consumer: [] });
    expect(roundRobinAssign([m('consumer', ['topic'])], {})).toEqual({ consumer: [] });
  });
  it('testOneConsumerOneTopic / testOnlyAssignsPartitionsFromSubscribedTopics', () => {
    const expected = { consumer: tps('topic-0, topic-1, topic-2') };
    expect(roundRobinAssign([m('consumer', ['topic'])], { topic: 3 })).toEqual(expected);
    expect(roundRobinAssign([m('consumer', ['topic'])], { topic: 3, other: 3 })).toEqual(expected);
  });
  it('testOneConsumerMultipleTopics', () => {
    expect(roundRobinAssign([m('consumer', [topic1, topic2])], { topic1: 1, topic2: 2 })).toEqual({
      consumer: tps('topic1-0, topic2-0, topic2-1'),
    });
  });
  it('testTwoConsumersOneTopicOnePartition / TwoPartitions', () => {
    const two = [m('consumer1', ['topic']), m('consumer2', ['topic'])];
    expect(roundRobinAssign(two, { topic: 1 })).toEqual({ consumer1: tps('topic-0'), consumer2: [] });
    expect(roundRobinAssign(two, { topic: 2 })).toEqual({ consumer1: tps('topic-0'), consumer2: tps('topic-1') });
  });
  it('testMultipleConsumersMixedTopics', () => {
    const members = [m('consumer1', [topic1]), m('consumer2', [topic1, topic2]), m('consumer3', [topic1])];
    expect(roundRobinAssign(members, { topic1: 3, topic2: 2 })).toEqual({
      consumer1: tps('topic1-0'),
      consumer2: tps('topic1-1, topic2-0, topic2-1'),
      consumer3: tps('topic1-2'),
    });
  });
  it('testTwoDynamicConsumersTwoTopicsSixPartitions', () => {
    const members = [m('consumer1', [topic1, topic2]), m('consumer2', [topic1, topic2])];
    expect(roundRobinAssign(members, { topic1: 3, topic2: 3 })).toEqual({
      consumer1: tps('topic1-0, topic1-2, topic2-1'),
      consumer2: tps('topic1-1, topic2-0, topic2-2'),
    });
  });
  it('testTwoStaticConsumersTwoTopicsSixPartitions / testOneStaticConsumerAndOneDynamicConsumerTwoTopicsSixPartitions', () => {
    const expected = { 'consumer-b': tps('topic1-0, topic1-2, topic2-1'), 'consumer-a': tps('topic1-1, topic2-0, topic2-2') };
    const ppt = { topic1: 3, topic2: 3 };
    expect(
      roundRobinAssign(
        [m('consumer-b', [topic1, topic2], { instanceId: 'instance1' }), m('consumer-a', [topic1, topic2], { instanceId: 'instance2' })],
        ppt,
      ),
    ).toEqual(expected);
    expect(roundRobinAssign([m('consumer-b', [topic1, topic2], { instanceId: 'instance1' }), m('consumer-a', [topic1, topic2])], ppt)).toEqual(expected);
  });
  it('testStaticMemberRoundRobinAssignmentPersistent', () => {
    const statics = [1, 2, 3].map((i) => m(`consumer${i}`, [topic1, topic2], { instanceId: `instance${i}` }));
    const ppt = { topic1: 3, topic2: 3 };
    const expected = { consumer1: tps('topic1-0, topic2-1'), consumer2: tps('topic1-1, topic2-2'), consumer3: tps('topic1-2') };
    expect(roundRobinAssign([...statics, m('consumer4', [topic1, topic2])], ppt)).toEqual({ ...expected, consumer4: tps('topic2-0') });
    expect(roundRobinAssign([...statics, m('consumer5', [topic1, topic2])], ppt)).toEqual({ ...expected, consumer5: tps('topic2-0') });
  });
  it('testStaticMemberRoundRobinAssignmentPersistentAfterMemberIdChanges', () => {
    const ppt = { topic1: 5, topic2: 5 };
    const expected = {
      instance1: tps('topic1-0, topic1-3, topic2-1, topic2-4'),
      instance2: tps('topic1-1, topic1-4, topic2-2'),
      instance3: tps('topic1-2, topic2-0, topic2-3'),
    };
    const byInstance = (members: GroupMember[]) => {
      const a = roundRobinAssign(members, ppt);
      return Object.fromEntries(members.map((x) => [x.instanceId!, a[x.id]!]));
    };
    expect(byInstance([1, 2, 3].map((i) => m(`consumer${i}`, [topic1, topic2], { instanceId: `instance${i}` })))).toEqual(expected);
    expect(
      byInstance([
        m('consumer1', [topic1, topic2], { instanceId: 'instance1' }),
        m('consumer5', [topic1, topic2], { instanceId: 'instance2' }),
        m('consumer4', [topic1, topic2], { instanceId: 'instance3' }),
      ]),
    ).toEqual(expected);
  });
  it('RoundRobinAssignor Javadoc examples', () => {
    expect(roundRobinAssign([m('C0', ['t0', 't1']), m('C1', ['t0', 't1'])], { t0: 3, t1: 3 })).toEqual({
      C0: tps('t0-0, t0-2, t1-1'),
      C1: tps('t0-1, t1-0, t1-2'),
    });
    // Differing subscriptions: C0 [t0], C1 [t0, t1], C2 [t0, t1, t2]; t0, t1, t2 with 1, 2, 3 partitions.
    expect(roundRobinAssign([m('C0', ['t0']), m('C1', ['t0', 't1']), m('C2', ['t0', 't1', 't2'])], { t0: 1, t1: 2, t2: 3 })).toEqual({
      C0: tps('t0-0'),
      C1: tps('t1-0'),
      C2: tps('t1-1, t2-0, t2-1, t2-2'),
    });
  });
});

describe('Sticky assignor (AbstractStickyAssignorTest, non-rack-aware expectations)', () => {
  it('testOneConsumerNoTopic / testOneConsumerNonexistentTopic', () => {
    expect(stickyAssign([m('consumer', [])], {})).toEqual({ consumer: [] });
    expect(stickyAssign([m('consumer', ['topic'])], { topic: 0 })).toEqual({ consumer: [] });
  });
  it('testOneConsumerOneTopic / testOneConsumerMultipleTopics', () => {
    expect(stickyAssign([m('consumer', ['topic'])], { topic: 3 })).toEqual({ consumer: tps('topic-0, topic-1, topic-2') });
    expect(stickyAssign([m('consumer', [topic1, topic2])], { topic1: 1, topic2: 2 })).toEqual({ consumer: tps('topic1-0, topic2-0, topic2-1') });
  });
  it('testOnlyAssignsPartitionsFromSubscribedTopics: owned partitions of other topics are dropped', () => {
    const member = m('consumer', ['topic'], { owned: tps('topic-0, topic-1, other-0, other-1') });
    expect(stickyAssign([member], { topic: 2 })).toEqual({ consumer: tps('topic-0, topic-1') });
  });
  it('testTwoConsumersOneTopicTwoPartitions', () => {
    expect(stickyAssign([m('consumer1', ['topic']), m('consumer2', ['topic'])], { topic: 2 })).toEqual({
      consumer1: tps('topic-0'),
      consumer2: tps('topic-1'),
    });
  });
  it('testMultipleConsumersMixedTopicSubscriptions (general path)', () => {
    const members = [m('consumer1', [topic1]), m('consumer2', [topic1, topic2]), m('consumer3', [topic1])];
    const result = stickyAssignDetailed(members, { topic1: 3, topic2: 2 });
    expect(result.path).toBe('general');
    expect(result.assignment).toEqual({
      consumer1: tps('topic1-0, topic1-2'),
      consumer2: tps('topic2-0, topic2-1'),
      consumer3: tps('topic1-1'),
    });
  });
  it('testTwoConsumersTwoTopicsSixPartitions (constrained path, round-robin fill)', () => {
    const members = [m('consumer1', [topic1, topic2]), m('consumer2', [topic1, topic2])];
    const result = stickyAssignDetailed(members, { topic1: 3, topic2: 3 });
    expect(result.path).toBe('constrained');
    expect(result.assignment).toEqual({ consumer1: tps('topic1-0, topic1-2, topic2-1'), consumer2: tps('topic1-1, topic2-0, topic2-2') });
  });
  it('testConsumerOwningMinQuotaExpectedMaxQuota', () => {
    const members = [
      m('consumer1', [topic1, topic2], { owned: tps('topic1-0, topic2-1') }),
      m('consumer2', [topic1, topic2], { owned: tps('topic1-1, topic2-2') }),
    ];
    const target = stickyAssign(members, { topic1: 2, topic2: 3 });
    expect(target).toEqual({ consumer1: tps('topic1-0, topic2-1, topic2-0'), consumer2: tps('topic1-1, topic2-2') });
    expect(partitionsTransferringOwnership({ consumer1: tps('topic1-0, topic2-1'), consumer2: tps('topic1-1, topic2-2') }, target)).toEqual([]);
  });
  it('testMaxQuotaConsumerMoreThanNumExpectedMaxCapacityMembers (HashMap order decides who keeps two)', () => {
    const owned = { consumer1: tps('topic1-0, topic2-0'), consumer2: tps('topic1-1, topic2-1'), consumer3: [] };
    const members = Object.entries(owned).map(([id, o]) => m(id, [topic1, topic2], { owned: o }));
    const target = stickyAssign(members, { topic1: 2, topic2: 2 });
    expect(target).toEqual({ consumer1: tps('topic1-0'), consumer2: tps('topic1-1, topic2-1'), consumer3: tps('topic2-0') });
    // partitionsTransferringOwnership == {topic2-0 -> consumer3}
    expect(partitionsTransferringOwnership(owned, target)).toEqual([tp(topic2, 0)]);
  });
  it('testAllConsumersAreUnderMinQuota', () => {
    const members = [
      m('consumer1', [topic1, topic2], { owned: tps('topic1-0') }),
      m('consumer2', [topic1, topic2], { owned: tps('topic1-1') }),
      m('consumer3', [topic1, topic2], { owned: [] }),
    ];
    expect(stickyAssign(members, { topic1: 2, topic2: 3 })).toEqual({
      consumer1: tps('topic1-0, topic2-1'),
      consumer2: tps('topic1-1, topic2-2'),
      consumer3: tps('topic2-0'),
    });
  });
  it('testAddRemoveConsumerOneTopic', () => {
    const ppt = { topic: 3 };
    const first = stickyAssign([m('consumer1', ['topic'])], ppt);
    expect(first).toEqual({ consumer1: tps('topic-0, topic-1, topic-2') });
    const second = stickyAssign([m('consumer1', ['topic'], { owned: first.consumer1! }), m('consumer2', ['topic'], { owned: [] })], ppt);
    expect(second).toEqual({ consumer1: tps('topic-0, topic-1'), consumer2: tps('topic-2') });
    expect(partitionsTransferringOwnership({ consumer1: first.consumer1!, consumer2: [] }, second)).toEqual([tp('topic', 2)]);
    const third = stickyAssign([m('consumer2', ['topic'], { owned: second.consumer2! })], ppt);
    expect(keys(third.consumer2!)).toEqual(keys(tps('topic-0, topic-1, topic-2'))); // compared as a set in Kafka
  });
  it('testAddRemoveTwoConsumersTwoTopics (exact lists in Kafka order)', () => {
    const all = [topic1, topic2];
    const ppt = { topic1: 3, topic2: 4 };
    const first = stickyAssign([m('consumer1', all), m('consumer2', all)], ppt);
    expect(first).toEqual({ consumer1: tps('topic1-0, topic1-2, topic2-1, topic2-3'), consumer2: tps('topic1-1, topic2-0, topic2-2') });
    const owned2 = { consumer1: first.consumer1!, consumer2: first.consumer2!, consumer3: [], consumer4: [] };
    const second = stickyAssign(Object.entries(owned2).map(([id, o]) => m(id, all, { owned: o })), ppt);
    expect(second).toEqual({
      consumer1: tps('topic1-0, topic2-1'),
      consumer2: tps('topic2-0, topic1-1'),
      consumer3: tps('topic1-2, topic2-3'),
      consumer4: tps('topic2-2'),
    });
    expect(partitionsTransferringOwnership(owned2, second)).toEqual(tps('topic1-2, topic2-2, topic2-3'));
    const third = stickyAssign([m('consumer3', all, { owned: second.consumer3! }), m('consumer4', all, { owned: second.consumer4! })], ppt);
    expect(third).toEqual({ consumer3: tps('topic1-2, topic2-3, topic1-0, topic2-1'), consumer4: tps('topic2-2, topic1-1, topic2-0') });
  });
  it('testAllConsumersReachExpectedQuotaAndAreConsideredFilled', () => {
    const members = [
      m('consumer1', ['topic'], { owned: tps('topic-0, topic-1') }),
      m('consumer2', ['topic'], { owned: tps('topic-2') }),
      m('consumer3', ['topic'], { owned: [] }),
    ];
    expect(stickyAssign(members, { topic: 4 })).toEqual({ consumer1: tps('topic-0, topic-1'), consumer2: tps('topic-2'), consumer3: tps('topic-3') });
  });
  it('testPartitionsTransferringOwnershipIncludeThePartitionClaimedByMultipleConsumersInSameGeneration', () => {
    const owned = { consumer1: tps('topic-0, topic-1'), consumer2: tps('topic-0, topic-2'), consumer3: [] };
    const members = Object.entries(owned).map(([id, o]) => m(id, ['topic'], { owned: o }));
    expect(validOwnedPartitions(members, { topic: 3 }).get('consumer1')).toEqual(tps('topic-1'));
    const target = stickyAssign(members, { topic: 3 });
    expect(target).toEqual({ consumer1: tps('topic-1'), consumer2: tps('topic-2'), consumer3: tps('topic-0') });
    expect(partitionsTransferringOwnership(owned, target)).toEqual(tps('topic-0'));
  });
  it('testRackAwareAssignmentWithUniformSubscription, non-rack-aware expectation (with and without owned)', () => {
    const ppt = { t1: 6, t2: 7, t3: 2 };
    const expected = ['t1-0, t1-3, t2-0, t2-3, t2-6', 't1-1, t1-4, t2-1, t2-4, t3-0', 't1-2, t1-5, t2-2, t2-5, t3-1'];
    const members = [0, 1, 2].map((i) => m(`consumer${i}`, ['t1', 't2', 't3']));
    expect(asSets(stickyAssign(members, ppt))).toEqual(asSets({ consumer0: tps(expected[0]!), consumer1: tps(expected[1]!), consumer2: tps(expected[2]!) }));
    const owning = members.map((x, i) => ({ ...x, owned: tps(expected[i]!) }));
    expect(asSets(stickyAssign(owning, ppt))).toEqual(asSets({ consumer0: tps(expected[0]!), consumer1: tps(expected[1]!), consumer2: tps(expected[2]!) }));
  });
  it('testRackAwareAssignmentWithNonEqualSubscription, non-rack-aware expectation (general path)', () => {
    const ppt = { t1: 6, t2: 7, t3: 2 };
    const members = [m('consumer0', ['t1', 't2', 't3']), m('consumer1', ['t1', 't2', 't3']), m('consumer2', ['t1', 't3'])];
    expect(asSets(stickyAssign(members, ppt))).toEqual(
      asSets({
        consumer0: tps('t1-5, t2-0, t2-2, t2-4, t2-6'),
        consumer1: tps('t1-3, t2-1, t2-3, t2-5, t3-0'),
        consumer2: tps('t1-0, t1-1, t1-2, t1-4, t3-1'),
      }),
    );
  });
});

describe('cooperative rebalance', () => {
  it('CooperativeStickyAssignor in testRackAwareAssignmentWithNonEqualSubscription (racks all match): intermediate, then final', () => {
    // Owned: consumer2 no longer subscribes to t2, so its t2 partitions must move too.
    const ppt = { t1: 6, t2: 7, t3: 2 };
    const previous = {
      consumer0: tps('t1-0, t1-1, t1-2, t1-3, t1-4'),
      consumer1: tps('t1-5, t2-0, t2-1, t2-2, t2-3'),
      consumer2: tps('t2-4, t2-5, t2-6, t3-0, t3-1'),
    };
    const members = [m('consumer0', ['t1', 't2', 't3']), m('consumer1', ['t1', 't2', 't3']), m('consumer2', ['t1', 't3'])];
    const plan = cooperativeRebalance(previous, members, ppt);
    expect(asSets(plan.round1.assignment)).toEqual(asSets({ consumer0: tps('t1-2, t1-3, t1-4'), consumer1: tps('t2-0, t2-1, t2-2, t2-3'), consumer2: tps('t3-0, t3-1') }));
    expect(asSets(plan.final)).toEqual(
      asSets({
        consumer0: tps('t1-2, t1-3, t1-4, t2-4, t2-5'),
        consumer1: tps('t2-0, t2-1, t2-2, t2-3, t2-6'),
        consumer2: tps('t1-0, t1-1, t1-5, t3-0, t3-1'),
      }),
    );
    expect(plan.rounds).toHaveLength(2);
    expect(plan.round1.revoked).toEqual({ consumer0: tps('t1-0, t1-1'), consumer1: tps('t1-5'), consumer2: tps('t2-4, t2-5, t2-6') });
    expect(plan.round2!.revoked).toEqual({ consumer0: [], consumer1: [], consumer2: [] });
    expect(plan.unavailable).toEqual(tps('t1-0, t1-1, t1-5, t2-4, t2-5, t2-6'));
    expect(plan.eager.unavailable).toEqual(subscribedPartitions(members, ppt));
  });
  it('testAddRemoveTwoConsumersTwoTopics under the cooperative protocol: round 1 withholds the transferring partitions', () => {
    // Round 1 = sticky target minus partitionsTransferringOwnership (CooperativeStickyAssignor.adjustAssignment),
    // using the target and transferring set asserted in AbstractStickyAssignorTest.
    const all = [topic1, topic2];
    const previous = { consumer1: tps('topic1-0, topic1-2, topic2-1, topic2-3'), consumer2: tps('topic1-1, topic2-0, topic2-2') };
    const members = ['consumer1', 'consumer2', 'consumer3', 'consumer4'].map((id) => m(id, all));
    const plan = cooperativeRebalance(previous, members, { topic1: 3, topic2: 4 });
    expect(plan.round1.withheld).toEqual(tps('topic1-2, topic2-2, topic2-3'));
    expect(plan.round1.assignment).toEqual({ consumer1: tps('topic1-0, topic2-1'), consumer2: tps('topic2-0, topic1-1'), consumer3: [], consumer4: [] });
    expect(plan.round1.revoked).toEqual({ consumer1: tps('topic1-2, topic2-3'), consumer2: tps('topic2-2'), consumer3: [], consumer4: [] });
    expect(plan.round2!.added).toEqual({ consumer1: [], consumer2: [], consumer3: tps('topic1-2, topic2-3'), consumer4: tps('topic2-2') });
    expect(plan.final).toEqual({
      consumer1: tps('topic1-0, topic2-1'),
      consumer2: tps('topic2-0, topic1-1'),
      consumer3: tps('topic1-2, topic2-3'),
      consumer4: tps('topic2-2'),
    });
    expect(plan.moved).toEqual(tps('topic1-2, topic2-2, topic2-3'));
    expect(plan.unavailable).toEqual(tps('topic1-2, topic2-2, topic2-3'));
    expect(plan.keptThroughout).toEqual(tps('topic1-0, topic1-1, topic2-0, topic2-1'));
    // Eager: the same final assignment, but all 7 partitions stop.
    expect(plan.eager.final).toEqual(plan.final);
    expect(plan.eager.unavailable).toHaveLength(7);
    expect(plan.eager.keptThroughout).toEqual([]);
    expect(plan.eager.rounds[0]!.revoked).toEqual({ ...previous, consumer3: [], consumer4: [] } satisfies Assignment);
  });
  it('a member leaving: its partitions were unowned, nobody else pauses, one round', () => {
    const previous = { a: tps('t-0, t-1'), b: tps('t-2, t-3'), c: tps('t-4, t-5') };
    const plan = cooperativeRebalance(previous, [m('a', ['t']), m('b', ['t'])], { t: 6 });
    expect(plan.rounds).toHaveLength(1);
    expect(plan.round2).toBeNull();
    expect(asSets(plan.final)).toEqual(asSets({ a: tps('t-0, t-1, t-4'), b: tps('t-2, t-3, t-5') }));
    expect(plan.previouslyUnowned).toEqual(tps('t-4, t-5'));
    expect(plan.moved).toEqual([]);
    expect(plan.unavailable).toEqual(tps('t-4, t-5'));
  });
  it("assign('cooperative-sticky') is where the cooperative rounds settle", () => {
    const members = ['consumer1', 'consumer2', 'consumer3', 'consumer4'].map((id) =>
      m(id, [topic1, topic2], { owned: id === 'consumer1' ? tps('topic1-0, topic1-2, topic2-1, topic2-3') : id === 'consumer2' ? tps('topic1-1, topic2-0, topic2-2') : [] }),
    );
    expect(assign('cooperative-sticky', members, { topic1: 3, topic2: 4 })).toEqual(stickyAssign(members, { topic1: 3, topic2: 4 }));
  });
  it('eagerRebalance with range: everything is revoked and unavailable', () => {
    const plan = eagerRebalance('range', { c1: tps('t-0, t-1') }, [m('c1', ['t']), m('c2', ['t'])], { t: 2 });
    expect(plan.final).toEqual({ c1: tps('t-0'), c2: tps('t-1') });
    expect(plan.rounds[0]!.revoked).toEqual({ c1: tps('t-0, t-1'), c2: [] });
    expect(plan.unavailable).toEqual(tps('t-0, t-1'));
    expect(plan.moved).toEqual(tps('t-1'));
  });
});

// ---------------------------------------------------------------------------------------------
// Properties
// ---------------------------------------------------------------------------------------------

const TOPICS = ['a', 'b', 'c', 'd'];
const IDS = ['m0', 'm1', 'm2', 'm3', 'm4', 'm5', 'consumer-b', 'consumer-a'];

const pptArb: fc.Arbitrary<PartitionsPerTopic> = fc.record({
  a: fc.integer({ min: 0, max: 7 }),
  b: fc.integer({ min: 0, max: 7 }),
  c: fc.integer({ min: 0, max: 5 }),
  d: fc.integer({ min: 0, max: 3 }),
});
// Mostly real partitions (so ownership matters), sometimes stale or invalid ones (deleted topic, bad number).
const tpArb = fc.oneof(
  { arbitrary: fc.record({ topic: fc.constantFrom(...TOPICS), partition: fc.integer({ min: 0, max: 6 }) }), weight: 6 },
  { arbitrary: fc.record({ topic: fc.constantFrom(...TOPICS, 'gone'), partition: fc.integer({ min: -1, max: 8 }) }), weight: 1 },
);

function groupArb(sameSubscriptions: boolean): fc.Arbitrary<{ members: GroupMember[]; ppt: PartitionsPerTopic }> {
  return fc
    .record({
      ppt: pptArb,
      ids: fc.uniqueArray(fc.constantFrom(...IDS), { minLength: 1, maxLength: 6 }),
      shared: fc.subarray(TOPICS, { minLength: 1 }),
      // Two subscription patterns shared by several members, plus some individual ones.
      pool: fc.array(fc.subarray(TOPICS), { minLength: 2, maxLength: 2 }),
      picks: fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 6, maxLength: 6 }),
      subs: fc.array(fc.subarray(TOPICS), { minLength: 6, maxLength: 6 }),
      owned: fc.array(fc.array(tpArb, { maxLength: 8 }), { minLength: 6, maxLength: 6 }),
      statics: fc.array(fc.boolean(), { minLength: 6, maxLength: 6 }),
    })
    .map(({ ppt, ids, shared, pool, picks, subs, owned, statics }) => ({
      ppt,
      members: ids.map((id, i) => ({
        id,
        topics: sameSubscriptions ? [...shared] : picks[i]! < 2 ? [...pool[picks[i]!]!] : subs[i]!,
        owned: owned[i]!,
        ...(statics[i] ? { instanceId: `inst-${(i * 7) % 6}-${id}` } : {}),
      })),
    }));
}
const anyGroup = fc.oneof(groupArb(true), groupArb(false));

function expectValid(members: readonly GroupMember[], ppt: PartitionsPerTopic, a: Assignment): void {
  expect(Object.keys(a).sort()).toEqual(members.map((x) => x.id).sort());
  const seen = new Map<string, number>();
  for (const x of members) {
    for (const p of a[x.id]!) {
      expect(x.topics).toContain(p.topic); // only to subscribed members
      seen.set(tpKey(p), (seen.get(tpKey(p)) ?? 0) + 1);
    }
  }
  const all = subscribedPartitions(members, ppt).map(tpKey);
  expect([...seen.keys()].sort()).toEqual([...all].sort()); // every subscribed partition...
  for (const n of seen.values()) expect(n).toBe(1); // ...exactly once
}

const effectiveTopics = (x: GroupMember, ppt: PartitionsPerTopic) => [...new Set(x.topics.filter((t) => (ppt[t] ?? 0) > 0))].sort().join(',');

describe('properties', () => {
  it('every strategy assigns each subscribed partition exactly once, only to a subscribed member', () => {
    fc.assert(
      fc.property(anyGroup, fc.constantFrom(...ASSIGN_STRATEGIES), ({ members, ppt }, strategy) => {
        expectValid(members, ppt, assign(strategy, members, ppt));
      }),
      { numRuns: 400 },
    );
  });

  it('range and round robin do not depend on the order members are listed in', () => {
    fc.assert(
      fc.property(anyGroup, fc.integer({ min: 0, max: 1000 }), ({ members, ppt }, k) => {
        const rotated = [...members.slice(k % members.length), ...members.slice(0, k % members.length)].reverse();
        expect(sortedAssignment(rangeAssign(rotated, ppt))).toEqual(sortedAssignment(rangeAssign(members, ppt)));
        expect(roundRobinAssign(rotated, ppt)).toEqual(roundRobinAssign(members, ppt));
      }),
    );
  });

  it('sticky: members with identical subscriptions differ by at most one partition', () => {
    fc.assert(
      fc.property(anyGroup, ({ members, ppt }) => {
        const a = stickyAssign(members, ppt);
        const groups = new Map<string, number[]>();
        for (const x of members) groups.set(effectiveTopics(x, ppt), [...(groups.get(effectiveTopics(x, ppt)) ?? []), a[x.id]!.length]);
        for (const counts of groups.values()) expect(Math.max(...counts) - Math.min(...counts)).toBeLessThanOrEqual(1);
      }),
      { numRuns: 400 },
    );
  });

  it('sticky, identical subscriptions: keeps the largest number of owned partitions a balanced assignment allows', () => {
    fc.assert(
      fc.property(groupArb(true), ({ members, ppt }) => {
        const a = stickyAssign(members, ppt);
        const valid = validOwnedPartitions(members, ppt);
        const total = subscribedPartitions(members, ppt).length;
        const minQuota = Math.floor(total / members.length);
        const extra = total % members.length;
        let kept = 0;
        let over = 0;
        for (const x of members) {
          const mine = new Set(a[x.id]!.map(tpKey));
          const keptHere = valid.get(x.id)!.filter((p) => mine.has(tpKey(p))).length;
          // An owner keeps what it owns up to the minimum quota...
          expect(keptHere).toBeGreaterThanOrEqual(Math.min(valid.get(x.id)!.length, minQuota));
          kept += keptHere;
          if (valid.get(x.id)!.length > minQuota) over++;
        }
        // ...and as many owners as there are larger shares keep one more: the maximum for a balanced result.
        const bound = members.reduce((s, x) => s + Math.min(valid.get(x.id)!.length, minQuota), 0) + Math.min(extra, over);
        expect(kept).toBe(bound);
      }),
      { numRuns: 400 },
    );
  });

  it('sticky: an owned partition stays put when its owner remains and balance allows (re-running changes nothing)', () => {
    fc.assert(
      fc.property(anyGroup, ({ members, ppt }) => {
        const first = stickyAssign(members, ppt);
        const again = stickyAssign(members.map((x) => ({ ...x, owned: first[x.id]! })), ppt);
        expect(asSets(again)).toEqual(asSets(first));
      }),
      { numRuns: 300 },
    );
  });

  it('sticky: a complete owned assignment that is already balanced is kept exactly', () => {
    fc.assert(
      fc.property(anyGroup, fc.array(fc.nat(), { minLength: 40, maxLength: 40 }), ({ members, ppt }, picks) => {
        // Give every subscribed partition to a random subscriber.
        const owned: Assignment = Object.fromEntries(members.map((x) => [x.id, [] as TopicPartition[]]));
        subscribedPartitions(members, ppt).forEach((p, i) => {
          const subs = members.filter((x) => x.topics.includes(p.topic));
          owned[subs[(picks[i % picks.length] ?? 0) % subs.length]!.id]!.push(p);
        });
        // Kafka's isBalanced: nobody could take a partition from a member holding two or more partitions more.
        const balanced = members.every((x) =>
          members.every((y) => owned[y.id]!.every((p) => !x.topics.includes(p.topic) || owned[y.id]!.length - owned[x.id]!.length < 2)),
        );
        fc.pre(balanced);
        const a = stickyAssign(members.map((x) => ({ ...x, owned: owned[x.id]! })), ppt);
        expect(asSets(a)).toEqual(asSets(owned));
      }),
      { numRuns: 300 },
    );
  });

  it('cooperative: no partition ever has two owners, kept partitions never pause, eager pauses everything', () => {
    fc.assert(
      fc.property(anyGroup, fc.array(fc.nat(), { minLength: 40, maxLength: 40 }), ({ members, ppt }, picks) => {
        // A previous assignment from an earlier membership: partitions spread over current and departed members.
        const owners = [...members.map((x) => x.id), 'gone-1', 'gone-2'];
        const previous: Assignment = {};
        subscribedPartitions(members, ppt).forEach((p, i) => {
          const owner = owners[(picks[i % picks.length] ?? 0) % owners.length]!;
          (previous[owner] ??= []).push(p);
        });
        const plan = cooperativeRebalance(previous, members, ppt);
        expectValid(members, ppt, plan.final);
        let owned = plan.before;
        for (const round of plan.rounds) {
          // Members only gain partitions no other member holds at that moment.
          const holders = new Map<string, string>();
          for (const [id, list] of Object.entries(owned)) for (const p of list) holders.set(tpKey(p), id);
          for (const [id, list] of Object.entries(round.added)) for (const p of list) expect([undefined, id]).toContain(holders.get(tpKey(p)));
          owned = round.assignment;
        }
        expect(plan.rounds.at(-1)!.revoked).toEqual(Object.fromEntries(members.map((x) => [x.id, []])));
        const all = subscribedPartitions(members, ppt).map(tpKey).sort();
        expect([...plan.keptThroughout, ...plan.unavailable].map(tpKey).sort()).toEqual(all);
        for (const p of plan.keptThroughout) expect(plan.final[ownerOf(plan.before, p)!]!.map(tpKey)).toContain(tpKey(p));
        expect(plan.eager.unavailable.map(tpKey).sort()).toEqual(all);
        expect(plan.eager.keptThroughout).toEqual([]);
        if (members.every((x) => effectiveTopics(x, ppt) === effectiveTopics(members[0]!, ppt))) expect(plan.rounds.length).toBeLessThanOrEqual(2);
      }),
      { numRuns: 300 },
    );
  });
});

function ownerOf(a: Assignment, p: TopicPartition): string | undefined {
  return Object.entries(a).find(([, list]) => list.some((x) => tpKey(x) === tpKey(p)))?.[0];
}
