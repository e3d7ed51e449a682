/**
 * The flow model's consumer group, against Kafka's documentation:
 * - Consumer configs enable.auto.commit ("the consumer's offset will be periodically committed in the background")
 *   and auto.commit.interval.ms (default 5000); the KafkaConsumer Javadoc, "Automatic Offset Committing" and
 *   "Manual Offset Control": with auto-commit, offsets of records returned by poll are committed on a later poll,
 *   so a consumer that fails after processing and before the commit has those records redelivered (at-least-once).
 * - session.timeout.ms (default 45000): a member that stops heartbeating is removed and the group rebalances.
 * - auto.offset.reset (default latest) applies when a partition has no committed offset.
 * - RangeAssignor as the shared rangeAssign implements it.
 * - Introduction, "Main Concepts and Terminology": events with the same key go to the same partition and a
 *   partition is read in the order it was written; Operations, "Modifying topics": adding partitions "doesn't
 *   change the partitioning of existing data so this may disturb consumers if they rely on that partition".
 */
import { describe, expect, it } from 'vitest';
import { rangeAssign } from '../../../src/widgets/kafka/assignors.ts';
import { partitionForKey } from '../../../src/widgets/kafka/partitioner.ts';
import { createFlowEngine, type FlowConfig, type FlowEvent } from '../../../src/widgets/kafka/flow-model.ts';

const base: FlowConfig = {
  brokers: 3,
  partitions: 4,
  replicationFactor: 2,
  replicaStartIndex: 0,
  producers: 2,
  producerRate: 10,
  keys: { kind: 'uniform', count: 20 },
  consumers: ['c1', 'c2'],
};

function runner(config: Partial<FlowConfig>, seed = 5) {
  const engine = createFlowEngine({ ...base, ...config }, seed);
  const log: { t: number; e: FlowEvent }[] = engine.initial.map((e) => ({ t: 0, e }));
  let t = 0;
  const tickMs = config.tickMs ?? 100;
  return {
    engine,
    log,
    until(ms: number) {
      while (t < ms) {
        t += tickMs;
        for (const e of engine.tick()) log.push({ t, e });
      }
    },
    act(a: Parameters<typeof engine.act>[0]) {
      for (const e of engine.act(a)) log.push({ t, e });
    },
  };
}

describe('rebalance', () => {
  it('assigns with rangeAssign on join, leave and after a crashed member\'s session times out', () => {
    const r = runner({ partitions: 7, consumers: ['c1', 'c2', 'c3'], sessionTimeoutMs: 2000 });
    const expected = (ids: string[]) =>
      Object.fromEntries(Object.entries(rangeAssign(ids.map((id) => ({ id, topics: ['flow'] })), { flow: 7 })).map(([m, tps]) => [m, tps.map((tp) => tp.partition)]));
    const rebalances = () => r.log.filter((x) => x.e.kind === 'rebalance').map((x) => (x.e as Extract<FlowEvent, { kind: 'rebalance' }>).assignment);
    expect(rebalances().at(-1)).toEqual(expected(['c1', 'c2', 'c3']));
    r.until(1000);
    r.act({ kind: 'member-join', member: 'c4' });
    expect(rebalances().at(-1)).toEqual(expected(['c1', 'c2', 'c3', 'c4']));
    r.act({ kind: 'member-leave', member: 'c2' });
    expect(rebalances().at(-1)).toEqual(expected(['c1', 'c3', 'c4']));
    r.act({ kind: 'member-crash', member: 'c3' });
    const before = rebalances().length;
    r.until(2900); // 1900 ms after the crash: c3 still holds its partitions
    expect(rebalances()).toHaveLength(before);
    r.until(3000);
    expect(r.log.some((x) => x.e.kind === 'member-removed' && x.e.member === 'c3' && x.t === 3000)).toBe(true);
    expect(rebalances().at(-1)).toEqual(expected(['c1', 'c4']));
  });
});

describe('commits and redelivery', () => {
  it('auto-commit commits, every auto.commit.interval.ms, the positions reached by earlier polls', () => {
    const r = runner({ autoCommitIntervalMs: 2000, pollIntervalMs: 500 });
    r.until(6000);
    const commits = r.log.filter((x) => x.e.kind === 'commit' && x.e.member === 'c1');
    expect(commits.map((x) => x.t)).toEqual([2000, 4000, 6000]);
  });

  it('a crash after processing and before the next auto-commit redelivers those records, marked as duplicates', () => {
    const r = runner({ autoCommitIntervalMs: 5000, sessionTimeoutMs: 1000, autoOffsetReset: 'earliest' });
    r.until(7000); // c1 auto-committed at 5000 and has processed two more seconds since
    r.act({ kind: 'member-crash', member: 'c1' });
    r.until(10000);
    const s = r.engine.state();
    const c1Partitions = [0, 1];
    const dups = s.records.filter((x) => x.deliveries.length > 1);
    expect(dups.length).toBeGreaterThan(0);
    for (const d of dups) {
      expect(c1Partitions).toContain(d.partition);
      expect(d.deliveries[0]).toMatchObject({ member: 'c1', duplicate: false });
      expect(d.deliveries[1]).toMatchObject({ member: 'c2', duplicate: true });
      // Processed by c1 after its last commit (5000) and before the crash (7000).
      expect(d.deliveries[0]!.atMs).toBeGreaterThan(5000 - 500);
      expect(d.deliveries[0]!.atMs).toBeLessThanOrEqual(7000);
    }
    expect(s.totals.duplicates).toBe(dups.reduce((n, d) => n + d.deliveries.length - 1, 0));
    expect(r.log.some((x) => x.e.kind === 'redelivered' && x.e.member === 'c2')).toBe(true);
  });

  it('manual commitSync after every poll leaves nothing to redeliver; committing every 4 polls does', () => {
    const dupsWith = (every: number) => {
      const r = runner({ autoCommit: false, manualCommitEvery: every, sessionTimeoutMs: 1000, autoOffsetReset: 'earliest' });
      r.until(7000);
      r.act({ kind: 'member-crash', member: 'c1' });
      r.until(10000);
      return r.engine.state().totals.duplicates;
    };
    expect(dupsWith(1)).toBe(0);
    expect(dupsWith(4)).toBeGreaterThan(0);
  });

  it('a clean leave commits first: no duplicates', () => {
    const r = runner({ autoCommitIntervalMs: 5000 });
    r.until(7000);
    r.act({ kind: 'member-leave', member: 'c1' });
    r.until(10000);
    expect(r.engine.state().totals.duplicates).toBe(0);
    expect(r.engine.state().group.departed).toEqual(['c1']);
  });

  it('with auto.offset.reset=latest and no commit yet, the next owner skips what the crashed member had read', () => {
    const r = runner({ autoCommitIntervalMs: 60000, sessionTimeoutMs: 1000 });
    r.until(3000);
    r.act({ kind: 'member-crash', member: 'c1' });
    r.until(6000);
    const s = r.engine.state();
    expect(s.totals.duplicates).toBe(0);
    // Records of c1's partitions produced while it was dead and before c2 took over were never delivered.
    const skipped = s.records.filter((x) => [0, 1].includes(x.partition) && x.producedAtMs > 3000 && x.producedAtMs < 3900 && x.deliveries.length === 0);
    expect(skipped.length).toBeGreaterThan(0);
  });
});

describe('ordering per key', () => {
  const keys = Array.from({ length: 12 }, (_, i) => `order-${i}`);
  const moved = keys.filter((k) => partitionForKey(k, 2) !== partitionForKey(k, 3));

  it('never flags a violation while the partition count is fixed', () => {
    const r = runner({ partitions: 2, keys: { kind: 'fixed', keys }, maxPollRecords: 3, producerRate: 15 });
    r.until(20000);
    expect(r.engine.state().violations).toEqual([]);
  });

  it('after adding partitions, records of keys that moved can be consumed out of order, and only those are flagged', () => {
    expect(moved.length).toBeGreaterThan(0);
    const r = runner({ partitions: 2, keys: { kind: 'fixed', keys }, maxPollRecords: 3, producerRate: 15, consumers: ['c1'] });
    r.until(5000); // a backlog builds on the old partitions (30 records/s produced, 6/s consumed)
    r.act({ kind: 'add-partitions', count: 3 });
    r.until(60000);
    const s = r.engine.state();
    expect(s.violations.length).toBeGreaterThan(0);
    for (const v of s.violations) {
      expect(moved).toContain(v.key);
      expect(v.afterRecordId).toBeGreaterThan(v.recordId);
      expect(s.records[v.recordId]!.orderingViolation).toBe(true);
      expect(v.partition).toBe(partitionForKey(v.key, 2));
      expect(v.afterPartition).toBe(partitionForKey(v.key, 3));
    }
    expect(s.totals.orderingViolations).toBe(s.violations.length);
  });
});
