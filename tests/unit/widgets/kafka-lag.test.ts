import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  BURROW_STATUS_NAME,
  STATUS_CODE,
  burrowRules,
  calculatePartitionStatus,
  createLagSimulation,
  evaluateLag,
  groupStatus,
  rangeAssignOneTopic,
  type CommitSample,
  type LagSimulation,
  type PartitionStatus,
} from '../../../src/widgets/kafka/lag.ts';

// ---------------------------------------------------------------------------------------------
// Burrow's rules: linkedin/Burrow core/internal/evaluator/caching_test.go, `var tests = []testset{...}` and
// TestCachingEvaluator_CheckRules. Timestamps are ms; timeNow is in seconds there (passed here as ms).
// ---------------------------------------------------------------------------------------------

type BurrowCase = {
  name: string;
  offsets: [offset: number, timestampMs: number, lag: number | null][];
  brokerOffsets: number[];
  currentLag: number;
  timeNow: number;
  isLagAlwaysNotZero: boolean;
  checkIfOffsetsRewind: boolean;
  checkIfOffsetsStopped: boolean;
  checkIfOffsetsStalled: boolean;
  checkIfLagNotDecreasing: boolean;
  checkIfRecentLagZero: boolean;
  status: PartitionStatus;
};

const rising = (lags: number[], step = 1000, start = 1000): [number, number, number][] =>
  lags.map((lag, i) => [start + i * step, 100000 * (i + 1), lag]);
const case9Offsets: [number, number, number][] = [
  [792748079, 1512224618356, 0],
  [792748080, 1512224619362, 0],
  [792748081, 1512224620366, 0],
  [792748082, 1512224621367, 0],
  [792748083, 1512224622370, 0],
  [792748084, 1512224623373, 0],
  [792748085, 1512224624378, 0],
  [792748086, 1512224625379, 0],
  [792748087, 1512224626383, 0],
  [792748088, 1512224627383, 0],
  [792748089, 1512224628383, 0],
  [792748090, 1512224629388, 0],
  [792748091, 1512224630391, 0],
  [792748092, 1512224631394, 0],
  [792748093, 1512224632397, 0],
];

const burrowCases: BurrowCase[] = [
  {
    name: '0 - OK because there is zero lag somewhere',
    offsets: rising([0, 50, 100, 150, 200]),
    brokerOffsets: [5200], currentLag: 200, timeNow: 600,
    isLagAlwaysNotZero: false, checkIfOffsetsRewind: false, checkIfOffsetsStopped: false, checkIfOffsetsStalled: false,
    checkIfLagNotDecreasing: true, checkIfRecentLagZero: false, status: 'OK',
  },
  {
    name: '1 - not stopped: time since last commit (400s) equals the window span, not greater',
    offsets: rising([0, 50, 100, 150, 200]),
    brokerOffsets: [5200], currentLag: 200, timeNow: 900,
    isLagAlwaysNotZero: false, checkIfOffsetsRewind: false, checkIfOffsetsStopped: false, checkIfOffsetsStalled: false,
    checkIfLagNotDecreasing: true, checkIfRecentLagZero: false, status: 'OK',
  },
  {
    name: '2 - STOP: time since last commit (500s) is great enough, even though lag is zero at the start (#290)',
    offsets: rising([0, 50, 100, 150, 200]),
    brokerOffsets: [5200], currentLag: 200, timeNow: 1000,
    isLagAlwaysNotZero: false, checkIfOffsetsRewind: false, checkIfOffsetsStopped: true, checkIfOffsetsStalled: false,
    checkIfLagNotDecreasing: true, checkIfRecentLagZero: false, status: 'STOP',
  },
  {
    name: '3 - STOP when lag is always non-zero as well',
    offsets: rising([50, 100, 150, 200, 250]),
    brokerOffsets: [5250], currentLag: 250, timeNow: 1000,
    isLagAlwaysNotZero: true, checkIfOffsetsRewind: false, checkIfOffsetsStopped: true, checkIfOffsetsStalled: false,
    checkIfLagNotDecreasing: true, checkIfRecentLagZero: false, status: 'STOP',
  },
  {
    name: '4 - OK because of zero lag, although the stall rule is true',
    offsets: rising([0, 50, 100, 150, 200], 0),
    brokerOffsets: [1200], currentLag: 200, timeNow: 600,
    isLagAlwaysNotZero: false, checkIfOffsetsRewind: false, checkIfOffsetsStopped: false, checkIfOffsetsStalled: true,
    checkIfLagNotDecreasing: true, checkIfRecentLagZero: false, status: 'OK',
  },
  {
    name: '5 - STALL because the lag is always non-zero',
    offsets: rising([100, 150, 200, 250, 300], 0),
    brokerOffsets: [1300], currentLag: 300, timeNow: 600,
    isLagAlwaysNotZero: true, checkIfOffsetsRewind: false, checkIfOffsetsStopped: false, checkIfOffsetsStalled: true,
    checkIfLagNotDecreasing: true, checkIfRecentLagZero: false, status: 'STALL',
  },
  {
    name: '6 - still STALL when the lag stays the same',
    offsets: rising([100, 100, 100, 100, 100], 0),
    brokerOffsets: [1100], currentLag: 100, timeNow: 600,
    isLagAlwaysNotZero: true, checkIfOffsetsRewind: false, checkIfOffsetsStopped: false, checkIfOffsetsStalled: true,
    checkIfLagNotDecreasing: true, checkIfRecentLagZero: false, status: 'STALL',
  },
  {
    name: '7 - REWIND because the offsets go backwards, even though the lag does decrease (rewind is worse)',
    offsets: [
      [1000, 100000, 100],
      [2000, 200000, 150],
      [3000, 300000, 200],
      [2000, 400000, 1250],
      [4000, 500000, 300],
    ],
    brokerOffsets: [4300], currentLag: 300, timeNow: 600,
    isLagAlwaysNotZero: true, checkIfOffsetsRewind: true, checkIfOffsetsStopped: false, checkIfOffsetsStalled: false,
    checkIfLagNotDecreasing: false, checkIfRecentLagZero: false, status: 'REWIND',
  },
  {
    name: '8 - OK because the current lag is 0, even though it would be considered stopped due to timestamps',
    offsets: rising([50, 100, 150, 200, 250]),
    brokerOffsets: [5250], currentLag: 0, timeNow: 1000,
    isLagAlwaysNotZero: true, checkIfOffsetsRewind: false, checkIfOffsetsStopped: true, checkIfOffsetsStalled: false,
    checkIfLagNotDecreasing: true, checkIfRecentLagZero: false, status: 'OK',
  },
  {
    name: '9 - STOP due to timestamps because the current lag is non-zero (#290)',
    offsets: case9Offsets,
    brokerOffsets: [792749024, 792749000, 792748800, 792748600, 792748500], currentLag: 931, timeNow: 1512224650,
    isLagAlwaysNotZero: false, checkIfOffsetsRewind: false, checkIfOffsetsStopped: true, checkIfOffsetsStalled: false,
    checkIfLagNotDecreasing: true, checkIfRecentLagZero: false, status: 'STOP',
  },
  {
    name: '10 - OK although it would be stop, as within the recent broker offset window the lag was zero (#303)',
    offsets: case9Offsets,
    brokerOffsets: [792748094, 792748093, 792748093, 792748093], currentLag: 1, timeNow: 1512224650,
    isLagAlwaysNotZero: false, checkIfOffsetsRewind: false, checkIfOffsetsStopped: true, checkIfOffsetsStalled: false,
    checkIfLagNotDecreasing: true, checkIfRecentLagZero: true, status: 'OK',
  },
  {
    name: '11 - same as test 0 with additional nil lag entries which should not affect results',
    offsets: [
      [1000, 100000, 0],
      [1500, 150000, null],
      [2000, 200000, 50],
      [2500, 250000, null],
      [3000, 300000, 100],
      [3500, 350000, null],
      [4000, 400000, 150],
      [4500, 450000, null],
      [5000, 500000, 200],
      [5500, 550000, null],
    ],
    brokerOffsets: [5700], currentLag: 200, timeNow: 600,
    isLagAlwaysNotZero: false, checkIfOffsetsRewind: false, checkIfOffsetsStopped: false, checkIfOffsetsStalled: false,
    checkIfLagNotDecreasing: true, checkIfRecentLagZero: false, status: 'OK',
  },
];

const samples = (c: BurrowCase): CommitSample[] => c.offsets.map(([offset, timestampMs, lag]) => ({ offset, timestampMs, lag }));

describe("Burrow's evaluator (caching_test.go TestCachingEvaluator_CheckRules)", () => {
  it('the fixtures are the ones in caching_test.go (spot checks of the rising helper)', () => {
    expect(samples(burrowCases[0]!)[4]).toEqual({ offset: 5000, timestampMs: 500000, lag: 200 });
    expect(samples(burrowCases[4]!).map((o) => o.offset)).toEqual([1000, 1000, 1000, 1000, 1000]);
  });

  it.each(burrowCases)('$name', (c) => {
    const offsets = samples(c);
    const nowMs = c.timeNow * 1000;
    expect(burrowRules(offsets, c.brokerOffsets, nowMs)).toEqual({
      lagAlwaysNotZero: c.isLagAlwaysNotZero,
      rewind: c.checkIfOffsetsRewind,
      stopped: c.checkIfOffsetsStopped,
      stalled: c.checkIfOffsetsStalled,
      lagNotDecreasing: c.checkIfLagNotDecreasing,
      recentLagZero: c.checkIfRecentLagZero,
    });
    expect(calculatePartitionStatus(offsets, c.brokerOffsets, c.currentLag, nowMs)).toBe(c.status);
    const evaluation = evaluateLag({ offsets, brokerOffsets: c.brokerOffsets, currentLag: c.currentLag, nowMs });
    expect(evaluation.status).toBe(c.status);
    expect(evaluation.complete).toBe(1);
    expect(evaluation.start).toEqual(offsets[0]);
    expect(evaluation.end).toEqual(offsets[offsets.length - 1]);
  });

  it('uses whole seconds for now, as Burrow does with time.Now().Unix() * 1000', () => {
    const c = burrowCases[1]!; // at 900 s exactly, not stopped (400 s == 400 s)
    expect(burrowRules(samples(c), c.brokerOffsets, 900_999).stopped).toBe(false);
    expect(burrowRules(samples(c), c.brokerOffsets, 901_000).stopped).toBe(true);
  });

  it('evaluatePartitionStatus: no commits -> OK; incomplete windows report Complete and honour minimum-complete', () => {
    expect(evaluateLag({ offsets: [], currentLag: 10, nowMs: 0 })).toMatchObject({ status: 'OK', complete: 0, rules: null });
    const c = burrowCases[3]!; // STOP with 5 commits
    const window = { offsets: samples(c), brokerOffsets: c.brokerOffsets, currentLag: c.currentLag, nowMs: c.timeNow * 1000, intervals: 10 };
    expect(evaluateLag(window)).toMatchObject({ status: 'STOP', complete: 0.5 });
    expect(evaluateLag({ ...window, minimumComplete: 0.6 })).toMatchObject({ status: 'OK', complete: 0.5 });
  });

  it('group status (evaluateConsumerStatus): worst partition, with STOP / STALL / REWIND reported as ERR', () => {
    expect(groupStatus([])).toBe('OK');
    expect(groupStatus(['OK', 'OK'])).toBe('OK');
    expect(groupStatus(['OK', 'WARNING'])).toBe('WARNING');
    expect(groupStatus(['WARNING', 'STALL', 'OK'])).toBe('ERROR');
    expect(groupStatus(['STOP'])).toBe('ERROR');
    expect(groupStatus(['REWIND', 'WARNING'])).toBe('ERROR');
  });

  it('status constants and names are protocol.StatusConstant / statusStrings', () => {
    // core/protocol/evaluator.go: statusStrings = {"NOTFOUND", "OK", "WARN", "ERR", "STOP", "STALL", "REWIND"}
    const names = ['NOTFOUND', 'OK', 'WARN', 'ERR', 'STOP', 'STALL', 'REWIND'];
    for (const s of ['OK', 'WARNING', 'ERROR', 'STOP', 'STALL', 'REWIND'] as const) {
      expect(names[STATUS_CODE[s]]).toBe(BURROW_STATUS_NAME[s]);
    }
  });
});

describe('rangeAssignOneTopic (Kafka RangeAssignor)', () => {
  it("RangeAssignor javadoc example: 3 partitions, C0 and C1 -> C0: [p0, p1], C1: [p2]", () => {
    expect(rangeAssignOneTopic(['C1', 'C0'], 3)).toEqual(new Map([['C0', [0, 1]], ['C1', [2]]]));
  });
  it('more members than partitions leaves the last ones empty', () => {
    expect(rangeAssignOneTopic(['a', 'b', 'c'], 2)).toEqual(new Map([['a', [0]], ['b', [1]], ['c', []]]));
  });
});

// ---------------------------------------------------------------------------------------------
// The simulation. Expected numbers below are derived by hand from the model's stated rules (in comments).
// ---------------------------------------------------------------------------------------------

describe('lag simulation', () => {
  it('a fast consumer catches up each tick and commits every auto.commit.interval.ms', () => {
    const sim = createLagSimulation({ partitions: 1, produceRate: 10, consumeRate: 40, members: ['a'] });
    const events = sim.run(5);
    // 10 messages/s, 1 s ticks: LEO 50 at t=5 s; the first auto-commit is due at 5000 ms.
    expect(events.filter((e) => e.kind === 'commit')).toEqual([
      { timeMs: 5000, kind: 'commit', member: 'a', partition: 0, offset: 50, detail: 'a commits offset 50 on partition 0' },
    ]);
    const p = sim.snapshot().partitions[0]!;
    expect(p).toMatchObject({ logEndOffset: 50, committedOffset: 50, position: 50, owner: 'a', lag: 0, lagSeconds: 0 });
    expect(p.evaluation.status).toBe('OK');
  });

  it('without consumers the lag grows and its age is that of the oldest message', () => {
    const sim = createLagSimulation({ partitions: 2, produceRate: [10, 0] });
    sim.run(10);
    const s = sim.snapshot();
    expect(s.partitions.map((p) => p.lag)).toEqual([100, 0]);
    // The first message was produced in the tick ending at 1000 ms; now is 10000 ms.
    expect(s.partitions.map((p) => p.lagSeconds)).toEqual([9, 0]);
    expect(s.totalLag).toBe(100);
    expect(s.maxLagSeconds).toBe(9);
  });

  it('a join triggers an eager rebalance: everyone commits, consumption pauses for rebalanceMs, then range assignment', () => {
    const sim = createLagSimulation({ partitions: 2, produceRate: 10, consumeRate: 40, rebalanceMs: 3000, members: ['a'] });
    sim.run(5); // t = 5000: a owns [0, 1], positions 50, committed 50
    const joinEvents = sim.join('b');
    expect(joinEvents.map((e) => e.kind)).toEqual(['join', 'commit', 'commit', 'rebalance-start']);
    expect(sim.snapshot()).toMatchObject({ rebalancing: true, rebalanceEndsAtMs: 8000, generation: 1 });
    sim.run(2); // t = 7000: still paused, 20 more messages per partition
    expect(sim.snapshot().partitions.map((p) => p.lag)).toEqual([20, 20]);
    expect(sim.series().slice(-2).map((p) => p.rebalancing)).toEqual([true, true]);
    const end = sim.tick(); // t = 8000: rebalance ends, then each member consumes 30 of its 40/s budget
    expect(end.find((e) => e.kind === 'rebalance-end')?.detail).toBe('generation 2: a=[0] b=[1]');
    const s = sim.snapshot();
    expect(s.members.map((m) => [m.id, m.partitions])).toEqual([['a', [0]], ['b', [1]]]);
    expect(s.partitions.map((p) => p.position)).toEqual([80, 80]);
  });

  it('a crash keeps the partition unconsumed until session.timeout.ms, then the group rebalances', () => {
    const sim = createLagSimulation({
      partitions: 2, produceRate: 10, consumeRate: 40, sessionTimeoutMs: 10_000, rebalanceMs: 3000, members: ['a', 'b'],
    });
    sim.run(5); // t = 5000: both committed 50
    sim.crash('b');
    expect(sim.snapshot().members.find((m) => m.id === 'b')).toMatchObject({ crashed: true, sessionExpiresAtMs: 15_000, partitions: [1] });
    const events = sim.run(10); // t = 15000
    expect(events.filter((e) => e.kind !== 'commit').map((e) => [e.timeMs, e.kind])).toEqual([
      [15_000, 'session-timeout'],
      [15_000, 'rebalance-start'],
    ]);
    // The timeout is handled before this tick's consumption, so a commits 140 on partition 0 (onJoinPrepare) with
    // LEO 150; b never committed after 5000: partition 1 lag = 150 - 50.
    expect(sim.snapshot().partitions.map((p) => p.lag)).toEqual([10, 100]);
    sim.run(3); // t = 18000: a owns both from the committed offsets 140 and 50; its 40 messages are shared 20/20
    const s = sim.snapshot();
    expect(s.members.map((m) => [m.id, m.partitions])).toEqual([['a', [0, 1]]]);
    expect(s.partitions.map((p) => p.position)).toEqual([160, 70]);
  });

  it('a crashed member that has not timed out is dropped by any rebalance, and its uncommitted work is redone', () => {
    const sim = createLagSimulation({ partitions: 2, produceRate: 10, consumeRate: 40, members: ['a', 'b'], rebalanceMs: 0 });
    sim.run(7); // t = 7000: positions 70, committed 50 (last commit at 5000)
    sim.crash('b');
    sim.join('c'); // rebalanceMs 0: completes at once; b did not rejoin
    const s = sim.snapshot();
    expect(s.members.map((m) => m.id)).toEqual(['a', 'c']);
    expect(s.partitions.map((p) => [p.owner, p.committedOffset, p.position])).toEqual([
      ['a', 70, 70], // a committed in onJoinPrepare
      ['c', 50, 50], // b's 20 processed-but-uncommitted messages will be consumed again by c
    ]);
  });

  it('Burrow statuses appear for a slow, a stuck, a silent and a rewound consumer', () => {
    const slow = createLagSimulation({ partitions: 1, produceRate: 10, consumeRate: 5, members: ['a'] });
    slow.run(50); // commits at 5 s, 10 s, ... 50 s with lag 25, 50, ... 250: offsets advance, lag never falls
    expect(slow.snapshot().partitions[0]!.evaluation.status).toBe('WARNING');
    slow.tick(); // t = 51 s
    slow.resetOffset(0, 100); // previous commit 250 -> 100
    expect(slow.snapshot().partitions[0]!.evaluation.status).toBe('REWIND');

    const stuck = createLagSimulation({ partitions: 1, produceRate: 10, members: ['a'] });
    stuck.setBehaviour('a', 'stuck');
    stuck.run(50); // commits offset 0 ten times while lag grows
    expect(stuck.snapshot().partitions[0]!.evaluation.status).toBe('STALL');
    expect(stuck.snapshot().groupStatus).toBe('ERROR');

    const silent = createLagSimulation({ partitions: 1, produceRate: 10, consumeRate: 40, members: ['a'] });
    silent.run(50); // commits at 5..50 s, window span 45 s
    silent.setBehaviour('a', 'no-commit');
    silent.run(45); // t = 95 s: 45 s since the last commit, not more than the span
    expect(silent.snapshot().partitions[0]!.evaluation.status).toBe('OK');
    silent.run(1); // t = 96 s: 46 s > 45 s, lag > 0 and no recent broker offset <= 500
    expect(silent.snapshot().partitions[0]!.evaluation.status).toBe('STOP');
  });

  it('Burrow min-distance: a commit within 1 s of the previous one overwrites it and keeps its timestamp', () => {
    const sim = createLagSimulation({ partitions: 1, produceRate: 10, consumeRate: 40, members: ['a'] });
    sim.run(5); // commit 50 at 5000
    sim.resetOffset(0, 40); // same time: merged into the 5000 slot
    expect(sim.window(0).offsets).toEqual([{ offset: 40, timestampMs: 5000, lag: 10 }]);
  });

  it('rejects bad input', () => {
    expect(() => createLagSimulation({ partitions: 0 })).toThrow(RangeError);
    expect(() => createLagSimulation({ partitions: 2, produceRate: [1] })).toThrow(RangeError);
    const sim = createLagSimulation({ partitions: 1, members: ['a'] });
    expect(() => sim.join('a')).toThrow(RangeError);
    expect(() => sim.leave('zz')).toThrow(RangeError);
    expect(() => sim.resetOffset(0, 1)).toThrow(RangeError); // LEO is 0
  });
});

// ---------------------------------------------------------------------------------------------
// Properties
// ---------------------------------------------------------------------------------------------

type Op =
  | { kind: 'tick'; n: number }
  | { kind: 'join' | 'leave' | 'crash'; member: number }
  | { kind: 'behaviour'; member: number; behaviour: 'normal' | 'stuck' | 'no-commit' }
  | { kind: 'reset'; partition: number; fraction: number }
  | { kind: 'produce'; rate: number }
  | { kind: 'consume'; rate: number };

const opArb: fc.Arbitrary<Op> = fc.oneof(
  { weight: 5, arbitrary: fc.record({ kind: fc.constant('tick' as const), n: fc.integer({ min: 1, max: 20 }) }) },
  fc.record({ kind: fc.constantFrom('join' as const, 'leave' as const, 'crash' as const), member: fc.integer({ min: 0, max: 4 }) }),
  fc.record({ kind: fc.constant('behaviour' as const), member: fc.integer({ min: 0, max: 4 }), behaviour: fc.constantFrom('normal' as const, 'stuck' as const, 'no-commit' as const) }),
  fc.record({ kind: fc.constant('reset' as const), partition: fc.integer({ min: 0, max: 5 }), fraction: fc.double({ min: 0, max: 1, noNaN: true }) }),
  fc.record({ kind: fc.constant('produce' as const), rate: fc.double({ min: 0, max: 50, noNaN: true }) }),
  fc.record({ kind: fc.constant('consume' as const), rate: fc.double({ min: 0, max: 80, noNaN: true }) }),
);

const simArb = fc.record({
  partitions: fc.integer({ min: 1, max: 6 }),
  seed: fc.integer(),
  jitter: fc.double({ min: 0, max: 0.9, noNaN: true }),
  rebalanceMs: fc.constantFrom(0, 1000, 3000),
  sessionTimeoutMs: fc.constantFrom(3000, 10_000),
  ops: fc.array(opArb, { maxLength: 40 }),
});

type SimArgs = { partitions: number; seed: number; jitter: number; rebalanceMs: number; sessionTimeoutMs: number; ops: Op[] };

/** Apply the ops, skipping the ones the model rightly rejects; call check after every step. */
function play(a: SimArgs, check: (sim: LagSimulation) => void): LagSimulation {
  const sim = createLagSimulation({
    partitions: a.partitions, seed: a.seed, produceJitter: a.jitter, rebalanceMs: a.rebalanceMs, sessionTimeoutMs: a.sessionTimeoutMs,
  });
  const present = () => new Set(sim.snapshot().members.map((m) => m.id));
  for (const op of a.ops) {
    const id = 'member' in op ? `m${op.member}` : '';
    switch (op.kind) {
      case 'tick':
        for (let i = 0; i < op.n; i++) {
          sim.tick();
          check(sim);
        }
        break;
      case 'join':
        if (!present().has(id)) sim.join(id);
        break;
      case 'leave':
        if (present().has(id)) sim.leave(id);
        break;
      case 'crash':
        if (present().has(id)) sim.crash(id);
        break;
      case 'behaviour':
        if (present().has(id)) sim.setBehaviour(id, op.behaviour);
        break;
      case 'reset': {
        const p = op.partition % a.partitions;
        sim.resetOffset(p, Math.floor(op.fraction * sim.snapshot().partitions[p]!.logEndOffset));
        break;
      }
      case 'produce':
        sim.setProduceRate(op.rate);
        break;
      case 'consume':
        sim.setConsumeRate(op.rate);
        break;
    }
    check(sim);
  }
  return sim;
}

describe('lag properties', () => {
  it('lag is never negative; committed and position never pass the log end; lag age is never negative', () => {
    fc.assert(
      fc.property(simArb, (a) => {
        // Plain comparisons in the hot loop (expect() per value is slow); the first violation is reported.
        let violation: string | null = null;
        const end = play(a, (sim) => {
          if (violation !== null) return;
          for (const p of sim.snapshot().partitions) {
            if (
              !(p.lag >= 0) ||
              p.lag !== p.logEndOffset - p.committedOffset ||
              p.position > p.logEndOffset ||
              p.committedOffset < 0 ||
              !(p.lagSeconds >= 0) ||
              p.evaluation.currentLag !== p.lag
            ) {
              violation = `t=${sim.now()} ${JSON.stringify(p)}`;
            }
          }
        });
        expect(violation).toBeNull();
        for (const pt of end.series()) for (const l of pt.lag) expect(l).toBeGreaterThanOrEqual(0);
      }),
      { numRuns: 60 },
    );
  }, 30_000);

  it('outside a rebalance every partition has exactly one live owner when the group has live members', () => {
    fc.assert(
      fc.property(simArb, (a) => {
        play(a, (sim) => {
          const s = sim.snapshot();
          if (s.rebalancing) return;
          const live = s.members.filter((m) => !m.crashed);
          const owned = s.members.flatMap((m) => m.partitions).sort((x, y) => x - y);
          expect(owned).toEqual([...new Set(owned)]); // no partition twice
          if (live.length === s.members.length && live.length > 0) {
            expect(owned).toEqual(Array.from({ length: a.partitions }, (_, i) => i));
          }
        });
      }),
      { numRuns: 60 },
    );
  }, 30_000);

  it('replays identically for a seed (jitter included)', () => {
    fc.assert(
      fc.property(simArb, (a) => {
        const x = play(a, () => {});
        const y = play(a, () => {});
        expect(y.snapshot()).toEqual(x.snapshot());
        expect(y.series()).toEqual(x.series());
        expect(y.events()).toEqual(x.events());
      }),
      { numRuns: 40 },
    );
  }, 30_000);

  const sampleArb = fc.array(
    fc.record({
      offset: fc.integer({ min: 0, max: 1000 }),
      timestampMs: fc.integer({ min: 0, max: 1_000_000 }),
      lag: fc.option(fc.integer({ min: 0, max: 500 }), { nil: null }),
    }),
    { minLength: 1, maxLength: 12 },
  );

  it('evaluateLag follows the rule order: zero current lag is always OK; each error status implies its rule', () => {
    fc.assert(
      fc.property(sampleArb, fc.array(fc.integer({ min: 0, max: 1200 }), { maxLength: 10 }), fc.integer({ min: 0, max: 600 }), fc.integer({ min: 0, max: 2_000_000 }), (offsets, brokerOffsets, currentLag, nowMs) => {
        const e = evaluateLag({ offsets, brokerOffsets, currentLag, nowMs });
        const r = e.rules!;
        if (currentLag === 0) expect(e.status).toBe('OK');
        if (e.status === 'STOP') expect(r.stopped && !r.recentLagZero).toBe(true);
        if (e.status === 'REWIND') expect(r.lagAlwaysNotZero && r.rewind && !(r.stopped && !r.recentLagZero)).toBe(true);
        if (e.status === 'STALL') expect(r.lagAlwaysNotZero && !r.rewind && r.stalled).toBe(true);
        if (e.status === 'WARNING') expect(r.lagAlwaysNotZero && !r.rewind && !r.stalled && r.lagNotDecreasing).toBe(true);
        if (currentLag > 0 && r.lagAlwaysNotZero && r.rewind && !(r.stopped && !r.recentLagZero)) expect(e.status).toBe('REWIND');
      }),
    );
  }, 30_000);
});
