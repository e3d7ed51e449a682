import { describe, expect, it } from 'vitest';
import { createRebalanceEngine, rebalanceModel, type RebalanceAction, type RebalanceState } from '../../../src/widgets/kafka/rebalance-model.ts';
import { createSimulation, withScript } from '../../../src/widgets/ui/simulation.ts';

const lane = (s: RebalanceState, strategy: string) => s.lanes.find((l) => l.strategy === strategy)!;
function runFor(engine: ReturnType<typeof createRebalanceEngine>, seconds: number) {
  for (let i = 0; i < seconds; i++) engine.tick();
}

describe('rebalance model: the starting group', () => {
  it('starts stable with each strategy\'s own assignment, everything consumed', () => {
    const s = createRebalanceEngine({ partitions: 6, members: 3 }).state();
    expect(lane(s, 'range').assignment).toEqual({ c1: [0, 1], c2: [2, 3], c3: [4, 5] });
    expect(lane(s, 'roundrobin').assignment).toEqual({ c1: [0, 3], c2: [1, 4], c3: [2, 5] });
    for (const l of s.lanes) expect(l.consuming.every(Boolean)).toBe(true);
  });

  it('members beyond the partition count sit idle', () => {
    const s = createRebalanceEngine({ partitions: 2, members: 4 }).state();
    for (const l of s.lanes) expect(l.idle).toHaveLength(2);
  });
});

describe('a member joins', () => {
  const e = createRebalanceEngine({ partitions: 6, members: 3, roundMs: 3000 });
  runFor(e, 10);
  e.act({ kind: 'join', member: 'c4' });
  const during = e.state();
  runFor(e, 10);
  const after = e.state();

  it('eager lanes stop every partition for the round; cooperative keeps consuming all but what moves', () => {
    for (const s of ['range', 'roundrobin', 'sticky']) expect(lane(during, s).consuming.some(Boolean)).toBe(false);
    expect(lane(during, 'cooperative-sticky').consuming.every(Boolean)).toBe(true);
  });

  it('eager pays partitions x round time; cooperative pays only the moved partitions for round two', () => {
    for (const s of ['range', 'roundrobin', 'sticky']) expect(lane(after, s).rebalances[0]!.pausedPartitionSeconds).toBe(6 * 3);
    const coop = lane(after, 'cooperative-sticky').rebalances[0]!;
    expect(coop.moved).toBeGreaterThan(0);
    expect(coop.pausedPartitionSeconds).toBe(coop.moved * 3);
    expect(coop.lagAccumulated).toBe(coop.pausedPartitionSeconds * 100);
  });

  it('every lane ends balanced: 2, 2, 1, 1', () => {
    for (const l of after.lanes) {
      expect(Object.values(l.assignment).map((p) => p.length).sort()).toEqual([1, 1, 2, 2]);
      expect(l.round).toBeNull();
      expect(l.consuming.every(Boolean)).toBe(true);
    }
  });

  it('on 12 partitions, range reshuffles 6 partitions to give c4 its 3, sticky moves only those 3', () => {
    const e12 = createRebalanceEngine({ partitions: 12, members: 3 });
    e12.act({ kind: 'join', member: 'c4' });
    runFor(e12, 10);
    const s = e12.state();
    expect(lane(s, 'range').rebalances[0]!.moved).toBe(6);
    expect(lane(s, 'sticky').rebalances[0]!.moved).toBe(3);
    expect(lane(s, 'cooperative-sticky').rebalances[0]!.moved).toBe(3);
    expect(lane(s, 'cooperative-sticky').rebalances[0]!.pausedPartitionSeconds).toBe(3 * 3);
    expect(lane(s, 'sticky').rebalances[0]!.pausedPartitionSeconds).toBe(12 * 3);
  });
});

describe('failures', () => {
  it('a killed member\'s partitions stop until session.timeout.ms, then the group rebalances', () => {
    const e = createRebalanceEngine({ partitions: 6, members: 3, sessionTimeoutMs: 45_000 });
    e.act({ kind: 'kill', member: 'c2' });
    runFor(e, 44);
    const before = e.state();
    expect(lane(before, 'range').consuming).toEqual([true, true, false, false, true, true]);
    expect(lane(before, 'range').rebalances).toHaveLength(0);
    runFor(e, 1);
    expect(e.events().some((x) => x.kind === 'session-timeout' && x.member === 'c2')).toBe(true);
    expect(lane(e.state(), 'range').rebalances).toHaveLength(1);
    // 2 partitions x 45 s before the timeout count in the lane total, not in the rebalance record.
    runFor(e, 10);
    expect(lane(e.state(), 'sticky').pausedPartitionSeconds).toBe(2 * 45 + 6 * 3);
  });

  it('a member that stops polling leaves after max.poll.interval.ms', () => {
    const e = createRebalanceEngine({ members: 2, maxPollIntervalMs: 300_000 });
    e.act({ kind: 'poll-stall', member: 'c1' });
    runFor(e, 299);
    expect(e.state().members.find((m) => m.id === 'c1')!.inGroup).toBe(true);
    runFor(e, 1);
    expect(e.state().members.find((m) => m.id === 'c1')!.inGroup).toBe(false);
    expect(e.events().filter((x) => x.kind === 'poll-timeout')).toHaveLength(1);
  });
});

describe('static membership and rolling restarts', () => {
  const rolling = (staticMembers: boolean) => {
    const e = createRebalanceEngine({ partitions: 6, members: 3, staticMembers, sessionTimeoutMs: 45_000 });
    for (const id of ['c1', 'c2', 'c3']) {
      e.act({ kind: 'restart', member: id, downtimeMs: 20_000 });
      runFor(e, 60);
    }
    return e.state();
  };

  it('dynamic members: each restart costs two rebalances (leave, rejoin)', () => {
    const s = rolling(false);
    for (const l of s.lanes) expect(l.rebalances).toHaveLength(6);
  });

  it('static members back within the session timeout cost no rebalance, only their own downtime', () => {
    const s = rolling(true);
    for (const l of s.lanes) {
      expect(l.rebalances).toHaveLength(0);
      expect(l.pausedPartitionSeconds).toBe(3 * 2 * 20);
      expect(l.assignment).toEqual(lane(createRebalanceEngine({ partitions: 6, members: 3, staticMembers: true }).state(), l.strategy).assignment);
    }
  });

  it('a static member down for longer than the session timeout is removed, then rejoins with a rebalance', () => {
    const e = createRebalanceEngine({ partitions: 6, members: 3, staticMembers: true, sessionTimeoutMs: 10_000 });
    e.act({ kind: 'restart', member: 'c1', downtimeMs: 30_000 });
    runFor(e, 40);
    expect(lane(e.state(), 'range').rebalances).toHaveLength(2);
  });

  it('a static member that shuts down sends no LeaveGroup: nothing happens until its session times out', () => {
    const e = createRebalanceEngine({ members: 3, staticMembers: true, sessionTimeoutMs: 45_000 });
    e.act({ kind: 'leave', member: 'c3' });
    runFor(e, 44);
    expect(lane(e.state(), 'range').rebalances).toHaveLength(0);
    runFor(e, 1);
    expect(lane(e.state(), 'range').rebalances).toHaveLength(1);
  });
});

describe('in the Simulation shape', () => {
  it('replays exactly: step back over a rebalance returns to the same state', () => {
    const script: { tick: number; action: RebalanceAction }[] = [
      { tick: 5, action: { kind: 'join', member: 'c4' } },
      { tick: 20, action: { kind: 'kill', member: 'c1' } },
    ];
    const sim = createSimulation(withScript(rebalanceModel), { base: { partitions: 8, members: 3 }, script }, 1);
    sim.step(30_000);
    const mid = sim.state();
    sim.step(60_000);
    for (let i = 0; i < 60; i++) sim.back();
    expect(sim.state()).toEqual(mid);
  });

  it('rejects actions on members that do not exist', () => {
    const e = createRebalanceEngine({ members: 2 });
    expect(() => e.act({ kind: 'kill', member: 'c9' })).toThrow(RangeError);
    expect(() => e.act({ kind: 'join', member: 'c1' })).toThrow(RangeError);
  });
});
