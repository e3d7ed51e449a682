/**
 * Brokers, placement, replication, ISR and leader election of the flow model, against Kafka's documentation:
 * - "Replicated Logs: Quorums, ISRs, and State Machines (Oh my!)" (Design, section 4.7): a message is committed
 *   when every ISR member has it; only committed messages are given to consumers; the leader is elected from the ISR.
 * - "Unclean leader election: What if they all die?" (same section) and the broker/topic config
 *   unclean.leader.election.enable (default false).
 * - Broker config replica.lag.time.max.ms (default 30000): "If a follower hasn't sent any fetch requests or hasn't
 *   consumed up to the leaders log end offset for at least this time, the leader will remove the follower from isr".
 */
import { describe, expect, it } from 'vitest';
import { assignReplicasRackUnaware } from '../../../src/widgets/kafka/flow-cluster.ts';
import { createFlowEngine, resolveFlowConfig, type FlowConfig, type FlowEvent } from '../../../src/widgets/kafka/flow-model.ts';

const base: FlowConfig = {
  brokers: 3,
  partitions: 1,
  replicationFactor: 3,
  replicaStartIndex: 0,
  producers: 1,
  producerRate: 10,
  keys: { kind: 'fixed', keys: ['a'] },
  consumers: ['c1'],
};

function run(config: Partial<FlowConfig>, seed = 1) {
  const engine = createFlowEngine({ ...base, ...config }, seed);
  const log: { t: number; e: FlowEvent }[] = engine.initial.map((e) => ({ t: 0, e }));
  let t = 0;
  const tickMs = config.tickMs ?? 100;
  return {
    engine,
    log,
    ticks(n: number) {
      for (let i = 0; i < n; i++) {
        t += tickMs;
        for (const e of engine.tick()) log.push({ t, e });
      }
    },
    act(a: Parameters<typeof engine.act>[0]) {
      const out = engine.act(a);
      for (const e of out) log.push({ t, e });
      return out;
    },
  };
}

describe('replica placement: AdminUtils.assignReplicasToBrokersRackUnaware', () => {
  it("reproduces the example table of AdminUtils' Javadoc (5 brokers, 10 partitions, 3 replicas, start index 0)", () => {
    const a = assignReplicasRackUnaware(10, 3, [0, 1, 2, 3, 4], 0, -1);
    // Javadoc rows: 1st replicas p0..p4 on broker-0..4 and p5..p9 again; 2nd replicas of p4,p0,p1,p2,p3 then
    // p8,p9,p5,p6,p7 on broker-0..4; 3rd replicas of p3,p4,p0,p1,p2 then p7,p8,p9,p5,p6.
    const onBroker = (replica: number) => [0, 1, 2, 3, 4].map((b) => a.map((r, p) => (r[replica] === b ? p : -1)).filter((p) => p >= 0));
    expect(onBroker(0)).toEqual([[0, 5], [1, 6], [2, 7], [3, 8], [4, 9]]);
    expect(onBroker(1)).toEqual([[4, 8], [0, 9], [1, 5], [2, 6], [3, 7]]);
    expect(onBroker(2)).toEqual([[3, 7], [4, 8], [0, 9], [1, 5], [2, 6]]);
  });

  it('never places two replicas of a partition on one broker and spreads leaders round-robin', () => {
    for (const brokers of [3, 4, 5]) {
      for (const rf of [1, 2, 3]) {
        const a = assignReplicasRackUnaware(12, rf, Array.from({ length: brokers }, (_, i) => i + 1), 1, -1);
        for (const r of a) expect(new Set(r).size).toBe(rf);
        const leaders = a.map((r) => r[0]!);
        for (let p = 1; p < 12; p++) expect(leaders[p]).toBe((leaders[p - 1]! % brokers) + 1);
      }
    }
  });

  it('rejects a replication factor above the broker count with Kafka\'s message', () => {
    expect(() => assignReplicasRackUnaware(1, 4, [1, 2, 3])).toThrow('Replication factor: 4 larger than available brokers: 3.');
  });

  it('draws the start index and shift from the seed when none is fixed (same seed, same placement)', () => {
    const cfg = { ...base, partitions: 6 };
    delete (cfg as { replicaStartIndex?: number }).replicaStartIndex;
    const a = createFlowEngine(cfg, 42).state().partitions.map((p) => p.replicas);
    const b = createFlowEngine(cfg, 42).state().partitions.map((p) => p.replicas);
    expect(a).toEqual(b);
  });

  it('adds partitions continuing from partition 0\'s first replica, and refuses to shrink', () => {
    const r = run({ partitions: 3 });
    const events = r.act({ kind: 'add-partitions', count: 5 });
    const added = events.find((e) => e.kind === 'partitions-added');
    expect(added).toEqual({ kind: 'partitions-added', from: 3, to: 5, assignment: assignReplicasRackUnaware(2, 3, [1, 2, 3], 0, 3) });
    expect(r.engine.state().partitions).toHaveLength(5);
    expect(r.act({ kind: 'add-partitions', count: 4 })).toEqual([
      { kind: 'rejected', action: 'add-partitions', reason: 'Topic currently has 5 partitions, which is higher than the requested 4.' },
    ]);
  });
});

describe('replication, high watermark and ISR', () => {
  it('a record is below the high watermark only once every ISR follower has fetched past it (two fetch rounds)', () => {
    const r = run({ producerRate: 10 });
    r.ticks(1); // tick 1: followers fetch (nothing yet), producer appends record 0
    let p = r.engine.state().partitions[0]!;
    expect(p.leo).toBe(1);
    expect(p.hw).toBe(0);
    r.ticks(1); // tick 2: followers copy record 0; the leader learns it only from their next fetch offset
    p = r.engine.state().partitions[0]!;
    expect(p.replicaStates.every((s) => s.log[0] === 0)).toBe(true);
    expect(p.hw).toBe(0);
    r.ticks(1); // tick 3: the fetch offsets reach 1, HW 1
    expect(r.engine.state().partitions[0]!.hw).toBe(1);
  });

  it('consumers only ever receive records below the high watermark', () => {
    const r = run({ producerRate: 20, pollIntervalMs: 100 });
    for (let i = 0; i < 50; i++) {
      r.ticks(1);
      const s = r.engine.state();
      const hw = s.partitions[0]!.hw;
      for (const rec of s.records) if (rec.deliveries.length > 0) expect(rec.offset!).toBeLessThan(hw);
    }
  });

  it('a stalled follower leaves the ISR after replica.lag.time.max.ms, not before, and rejoins once caught up', () => {
    const lag = 1000;
    const r = run({ replicaLagTimeMaxMs: lag });
    r.ticks(10);
    r.act({ kind: 'broker-stall', broker: 3, stalled: true });
    const stalledAt = 1000;
    r.ticks(30);
    const shrink = r.log.find((x) => x.e.kind === 'isr-shrink');
    expect(shrink?.e).toMatchObject({ broker: 3, reason: 'lag', isr: [1, 2] });
    // Out of sync for more than the lag time; the isr-expiration task runs every lag/2, so at most that later.
    expect(shrink!.t - stalledAt).toBeGreaterThan(lag);
    expect(shrink!.t - stalledAt).toBeLessThanOrEqual(lag + lag / 2 + 100);
    r.act({ kind: 'broker-stall', broker: 3, stalled: false });
    r.ticks(3);
    expect(r.log.some((x) => x.e.kind === 'isr-expand' && x.e.broker === 3)).toBe(true);
    expect(r.engine.state().partitions[0]!.isr).toContain(3);
  });

  it('an idle stalled follower whose log end offset equals the leader\'s stays in the ISR (Replica.isCaughtUp)', () => {
    const r = run({ producerRate: 0, replicaLagTimeMaxMs: 1000 });
    r.act({ kind: 'broker-stall', broker: 2, stalled: true });
    r.ticks(100);
    expect(r.engine.state().partitions[0]!.isr).toEqual([1, 2, 3]);
  });
});

describe('leader election', () => {
  it('elects the first replica in assignment order that is alive and in the ISR, and bumps the leader epoch', () => {
    const r = run({});
    r.ticks(5);
    const events = r.act({ kind: 'broker-down', broker: 1 });
    expect(events).toContainEqual({ kind: 'leader-elected', partition: 0, leader: 2, previous: 1, epoch: 1, unclean: false });
    const p = r.engine.state().partitions[0]!;
    expect(p.leader).toBe(2);
    expect(p.isr).toEqual([2, 3]);
  });

  it('with no ISR member alive the partition is unavailable: produce fails, consumption stalls; it returns with its last ISR member', () => {
    const r = run({ replicationFactor: 1 });
    r.ticks(20);
    const delivered = r.engine.state().totals.deliveries;
    r.act({ kind: 'broker-down', broker: 1 });
    r.ticks(10);
    let s = r.engine.state();
    expect(s.partitions[0]!.available).toBe(false);
    expect(s.partitions[0]!.isr).toEqual([1]);
    expect(s.totals.failed.LEADER_NOT_AVAILABLE).toBe(10);
    expect(s.totals.deliveries).toBe(delivered); // no leader: nothing to fetch
    expect(s.group.lag[0]).toBeNull(); // no leader, no high watermark to measure lag against
    r.act({ kind: 'broker-up', broker: 1 });
    s = r.engine.state();
    expect(s.partitions[0]!.leader).toBe(1);
    expect(s.partitions[0]!.available).toBe(true);
  });

  it('clean election keeps an out-of-sync replica from leading; unclean.leader.election.enable=true lets it and loses acked records', () => {
    for (const unclean of [false, true]) {
      const r = run({ uncleanLeaderElection: unclean, replicaLagTimeMaxMs: 500, acks: 'all', minInsyncReplicas: 1 });
      r.ticks(5);
      r.act({ kind: 'broker-stall', broker: 2, stalled: true });
      r.act({ kind: 'broker-stall', broker: 3, stalled: true });
      r.ticks(20); // both followers fall out of the ISR; acks=all now means the leader alone
      expect(r.engine.state().partitions[0]!.isr).toEqual([1]);
      r.act({ kind: 'broker-stall', broker: 2, stalled: false });
      r.act({ kind: 'broker-stall', broker: 3, stalled: false });
      r.act({ kind: 'broker-down', broker: 2 });
      r.act({ kind: 'broker-down', broker: 3 });
      r.ticks(3);
      const ackedBefore = r.engine.state().records.filter((x) => x.status === 'acked').length;
      r.act({ kind: 'broker-down', broker: 1 });
      r.act({ kind: 'broker-up', broker: 2 });
      const s = r.engine.state();
      if (!unclean) {
        expect(s.partitions[0]!.leader).toBeNull();
        expect(s.totals.lostAcked).toBe(0);
      } else {
        expect(s.partitions[0]!.leader).toBe(2);
        expect(r.log.some((x) => x.e.kind === 'leader-elected' && x.e.unclean)).toBe(true);
        expect(s.totals.lostAcked).toBeGreaterThan(0);
        expect(s.totals.lostAcked).toBeLessThanOrEqual(ackedBefore);
      }
    }
  });

  it('a returning old leader truncates what the new leader does not have (acks=1 records it alone held)', () => {
    const r = run({ acks: '1' });
    r.ticks(10); // the record of tick 10 is appended after the followers' fetch: only the leader has it
    const s0 = r.engine.state();
    const last = s0.records[s0.records.length - 1]!;
    expect(last.replicas).toEqual([1]);
    expect(last.status).toBe('acked');
    const events = r.act({ kind: 'broker-down', broker: 1 });
    expect(events).toContainEqual({ kind: 'records-lost', partition: 0, recordIds: [last.id], acked: 1 });
    r.ticks(5);
    r.act({ kind: 'broker-up', broker: 1 });
    r.ticks(2);
    expect(r.log.find((x) => x.e.kind === 'truncated')?.e).toMatchObject({ broker: 1, toOffset: last.offset, removed: [last.id] });
    const s = r.engine.state();
    expect(s.records[last.id]!.lost).toBe(true);
    expect(s.records[last.id]!.replicas).toEqual([]);
    // All three logs agree again.
    const logs = s.partitions[0]!.replicaStates.map((x) => x.log.slice(0, s.partitions[0]!.hw));
    expect(logs[0]).toEqual(logs[1]);
    expect(logs[1]).toEqual(logs[2]);
  });

  it('preferred leader election moves leadership back to the first replica', () => {
    const r = run({});
    r.ticks(3);
    r.act({ kind: 'broker-down', broker: 1 });
    r.ticks(3);
    r.act({ kind: 'broker-up', broker: 1 });
    r.ticks(5);
    expect(r.engine.state().partitions[0]!.leader).toBe(2);
    r.act({ kind: 'preferred-election' });
    expect(r.engine.state().partitions[0]!.leader).toBe(1);
  });
});

describe('configuration', () => {
  it("fills Kafka's defaults", () => {
    const c = resolveFlowConfig(base);
    // Producer config acks: default all (3.0+); topic min.insync.replicas: 1; replica.lag.time.max.ms: 30000;
    // unclean.leader.election.enable: false; consumer enable.auto.commit true, auto.commit.interval.ms 5000,
    // max.poll.records 500, session.timeout.ms 45000, auto.offset.reset latest.
    expect(c).toMatchObject({
      acks: 'all',
      minInsyncReplicas: 1,
      replicaLagTimeMaxMs: 30000,
      uncleanLeaderElection: false,
      autoCommit: true,
      autoCommitIntervalMs: 5000,
      maxPollRecords: 500,
      sessionTimeoutMs: 45000,
      autoOffsetReset: 'latest',
    });
  });

  it('rejects configurations outside the simulator\'s ranges', () => {
    expect(() => resolveFlowConfig({ ...base, brokers: 6 })).toThrow(RangeError);
    expect(() => resolveFlowConfig({ ...base, partitions: 13 })).toThrow(RangeError);
    expect(() => resolveFlowConfig({ ...base, replicationFactor: 4 })).toThrow(RangeError);
    expect(() => resolveFlowConfig({ ...base, keys: { kind: 'fixed', keys: [] } })).toThrow(RangeError);
  });
});
