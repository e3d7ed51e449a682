/**
 * The flow model in the kit's Simulation shape, and its producers: placement by partitionForKey (murmur2, as
 * Kafka's BuiltInPartitioner.partitionForKey), keyless records through the sticky partitioner, the heatmap, replay
 * determinism and "follow one record".
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createSimulation, withScript } from '../../../src/widgets/ui/simulation.ts';
import { createStickyPartitioner, partitionForKey, seededRandomSource } from '../../../src/widgets/kafka/partitioner.ts';
import { FlowProducer, KeyChooser, zipfCdf } from '../../../src/widgets/kafka/flow-producer.ts';
import { locateRecord } from '../../../src/widgets/kafka/flow-trace.ts';
import { createFlowEngine, flowModel, type FlowAction, type FlowConfig } from '../../../src/widgets/kafka/flow-model.ts';

const base: FlowConfig = {
  brokers: 3,
  partitions: 6,
  replicationFactor: 3,
  minInsyncReplicas: 2,
  producers: 2,
  producerRate: 12,
  keys: { kind: 'uniform', count: 25 },
  consumers: ['c1', 'c2'],
};

const actionArb: fc.Arbitrary<FlowAction> = fc.oneof(
  fc.record({ kind: fc.constant('broker-down' as const), broker: fc.integer({ min: 1, max: 3 }) }),
  fc.record({ kind: fc.constant('broker-up' as const), broker: fc.integer({ min: 1, max: 3 }) }),
  fc.record({ kind: fc.constant('broker-stall' as const), broker: fc.integer({ min: 1, max: 3 }), stalled: fc.boolean() }),
  fc.record({ kind: fc.constant('member-crash' as const), member: fc.constantFrom('c1', 'c2') }),
  fc.record({ kind: fc.constant('member-join' as const), member: fc.constantFrom('c3', 'c4') }),
  fc.record({ kind: fc.constant('set-acks' as const), acks: fc.constantFrom('0' as const, '1' as const, 'all' as const) }),
  fc.record({ kind: fc.constant('add-partitions' as const), count: fc.integer({ min: 7, max: 12 }) }),
  fc.constant<FlowAction>({ kind: 'preferred-election' }),
);

describe('keyed placement', () => {
  it('property: with a fixed partition count every keyed record lands on partitionForKey(key, partitions)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 2 ** 31 }),
        fc.integer({ min: 1, max: 12 }),
        fc.array(fc.string({ minLength: 1, maxLength: 12 }), { minLength: 1, maxLength: 8 }),
        fc.boolean(),
        (seed, partitions, keys, brokerDown) => {
          const e = createFlowEngine({ ...base, partitions, keys: { kind: 'fixed', keys } }, seed);
          for (let t = 0; t < 20; t++) {
            if (brokerDown && t === 5) e.act({ kind: 'broker-down', broker: 2 }); // leaders move; keyed placement does not
            e.tick();
          }
          const s = e.state();
          expect(s.records.length).toBeGreaterThan(0);
          expect(s.records.filter((r) => r.partition !== partitionForKey(r.key!, partitions))).toEqual([]);
        },
      ),
      { numRuns: 80 },
    );
  });

  it('a fixed key set produces exactly those keys, in order, across producers', () => {
    const keys = ['a', 'b', 'c'];
    const e = createFlowEngine({ ...base, keys: { kind: 'fixed', keys } }, 1);
    for (let t = 0; t < 10; t++) e.tick();
    const s = e.state();
    expect(s.records.map((r) => r.key)).toEqual(s.records.map((_, i) => keys[i % 3]));
  });

  it('every record carries producer, per-partition sequence, key, partition and offset', () => {
    const e = createFlowEngine(base, 3);
    for (let t = 0; t < 30; t++) e.tick();
    const s = e.state();
    const seen = new Map<string, number>();
    for (const r of s.records) {
      const k = `${r.producer}/${r.partition}`;
      expect(r.sequence).toBe(seen.get(k) ?? 0); // 0, 1, 2, ... per producer and partition
      seen.set(k, r.sequence + 1);
      expect(r.offset).not.toBeNull();
      expect(s.partitions[r.partition]!.replicaStates[0]!.log[r.offset!]).toBe(r.id);
    }
  });

  it('Zipf-skewed keys make the hot key\'s partition the hottest; the heatmap counts what was produced', () => {
    const e = createFlowEngine({ ...base, keys: { kind: 'zipf', count: 50, exponent: 1.5 }, producerRate: 40 }, 9);
    for (let t = 0; t < 100; t++) e.tick();
    const s = e.state();
    const perPartition = Array.from({ length: 6 }, (_, p) => s.records.filter((r) => r.partition === p).length);
    expect(s.heat.produced).toEqual(perPartition);
    const hot = partitionForKey('key-0', 6);
    expect(Math.max(...perPartition)).toBe(perPartition[hot]);
    // Columns of bucketMs: their sums are the totals.
    const sums = Array.from({ length: 6 }, (_, p) => s.heat.buckets.reduce((n, row) => n + row[p]!, 0));
    expect(sums).toEqual(perPartition);
    expect(s.heat.buckets).toHaveLength(10); // 100 ticks of 100 ms in 1000 ms columns
  });

  it('zipfCdf ends at 1 and puts the most weight on the first key', () => {
    const cdf = zipfCdf(10, 1);
    expect(cdf.at(-1)).toBeCloseTo(1, 12);
    expect(cdf[0]).toBeGreaterThan(cdf[1]! - cdf[0]!);
  });
});

describe('keyless records: the sticky partitioner', () => {
  it('follows createStickyPartitioner exactly (same random source, linger expiring each tick)', () => {
    const p = new FlowProducer('p1', 77, { kind: 'keyless', batchSize: 4000, recordBytes: 1000 });
    const ref = createStickyPartitioner({ numPartitions: 6, mode: 'kip-794', batchSize: 4000, random: seededRandomSource((77 ^ 0x5bd1e995) >>> 0) });
    const all = [0, 1, 2, 3, 4, 5];
    for (let tick = 0; tick < 30; tick++) {
      for (let i = 0; i < 3; i++) expect(p.partitionFor(null, 6, all)).toBe(ref.send(1000).partition);
      p.lingerExpired();
      ref.lingerExpired();
    }
  });

  it('sends only to partitions that have a leader', () => {
    const e = createFlowEngine({ ...base, replicationFactor: 1, minInsyncReplicas: 1, replicaStartIndex: 0, keys: { kind: 'keyless', batchSize: 2000, recordBytes: 1000 } }, 4);
    for (let t = 0; t < 5; t++) e.tick();
    e.act({ kind: 'broker-down', broker: 1 });
    const offline = e.state().partitions.filter((p) => !p.available).map((p) => p.id);
    expect(offline.length).toBeGreaterThan(0);
    const from = e.state().records.length;
    for (let t = 0; t < 30; t++) e.tick();
    const after = e.state().records.slice(from);
    expect(after.length).toBeGreaterThan(0);
    expect(after.filter((r) => offline.includes(r.partition))).toEqual([]);
    expect(after.every((r) => r.error === null)).toBe(true);
  });

  it('a keyed record to a partition without a leader fails with LEADER_NOT_AVAILABLE (the key pins the partition)', () => {
    const e = createFlowEngine({ ...base, replicationFactor: 1, minInsyncReplicas: 1, replicaStartIndex: 0 }, 4);
    e.act({ kind: 'broker-down', broker: 1 });
    for (let t = 0; t < 30; t++) e.tick();
    const s = e.state();
    const offline = new Set(s.partitions.filter((p) => !p.available).map((p) => p.id));
    for (const r of s.records) expect(r.error === 'LEADER_NOT_AVAILABLE').toBe(offline.has(r.partition));
  });

  it('KeyChooser draws only keys of its set', () => {
    const c = new KeyChooser({ kind: 'uniform', count: 3 });
    let x = 0;
    const rng = () => (x = (x + 0.37) % 1);
    for (let i = 0; i < 20; i++) expect(['key-0', 'key-1', 'key-2']).toContain(c.next(rng));
  });
});

describe('the kit contract', () => {
  it('property: replay determinism: same seed and actions give the same events and state, and step back is exact', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 2 ** 31 }),
        fc.array(fc.record({ at: fc.integer({ min: 0, max: 40 }), action: actionArb }), { maxLength: 5 }),
        fc.integer({ min: 1, max: 15 }),
        (seed, script, back) => {
          const drive = () => {
            const sim = createSimulation(flowModel, base, seed);
            for (let t = 0; t <= 40; t++) {
              for (const s of script) if (s.at === t) sim.act(s.action);
              sim.step(100);
            }
            return sim;
          };
          const a = drive();
          const b = drive();
          // The running totals agree with a count over the records.
          const st = a.state();
          const rs = st.records;
          expect(st.totals).toMatchObject({
            produced: rs.length,
            appended: rs.filter((r) => r.offset !== null).length,
            acked: rs.filter((r) => r.status === 'acked').length,
            pending: rs.filter((r) => r.status === 'pending').length,
            lost: rs.filter((r) => r.lost).length,
            lostAcked: rs.filter((r) => r.lost && (r.status === 'acked' || r.status === 'sent')).length,
            deliveries: rs.reduce((n, r) => n + r.deliveries.length, 0),
            duplicates: rs.reduce((n, r) => n + r.deliveries.filter((d) => d.duplicate).length, 0),
          });
          for (const [error, n] of Object.entries(st.totals.failed)) expect(rs.filter((r) => r.error === error && r.status === 'failed').length).toBe(n);
          expect(b.events()).toEqual(a.events());
          expect(b.state()).toEqual(a.state());
          const ticks = a.ticks();
          a.seek(ticks - back);
          const c = createSimulation(flowModel, base, seed);
          c.restore(a.snapshot());
          expect(c.state()).toEqual(a.state());
          a.seek(ticks);
          expect(a.state()).toEqual(b.state());
        },
      ),
      { numRuns: 25 },
    );
  });

  it('runs a scripted preset through withScript', () => {
    const model = withScript(flowModel);
    const sim = createSimulation(model, { base: { ...base, acks: '1' }, script: [{ tick: 20, action: { kind: 'broker-down', broker: 1 } }] }, 2);
    sim.step(3000);
    expect(sim.events().some((e) => e.tick === 20 && e.event.kind === 'broker-down')).toBe(true);
    expect(sim.state().brokers.find((b) => b.id === 1)!.alive).toBe(false);
  });

  it('rejects impossible actions with an event instead of throwing', () => {
    const e = createFlowEngine(base, 1);
    expect(e.act({ kind: 'broker-up', broker: 1 })).toEqual([{ kind: 'rejected', action: 'broker-up', reason: 'broker 1 is already up' }]);
    expect(e.act({ kind: 'broker-down', broker: 9 })[0]!.kind).toBe('rejected');
    expect(e.act({ kind: 'member-leave', member: 'nobody' })[0]!.kind).toBe('rejected');
    expect(e.act({ kind: 'member-join', member: 'c1' })[0]!.kind).toBe('rejected');
  });
});

describe('follow one record', () => {
  it('traces a record from the producer to a committed offset', () => {
    const sim = createSimulation(flowModel, { ...base, acks: 'all', autoCommitIntervalMs: 1000, pollIntervalMs: 1000 }, 6);
    sim.step(100);
    const id = 0;
    const stages: string[] = [];
    for (let i = 0; i < 40; i++) {
      const t = locateRecord(sim.state(), id)!;
      if (stages.at(-1) !== t.stage) stages.push(t.stage);
      sim.step(100);
    }
    expect(stages).toEqual(['appended', 'committed', 'consumed', 'offset-committed']);
    const t = locateRecord(sim.state(), id)!;
    expect(t.appended).toMatchObject({ offset: 0, epoch: 0 });
    expect([...t.heldBy].sort()).toEqual([...sim.state().partitions[t.record.partition]!.replicas].sort());
    expect(t.followers).toHaveLength(2);
    expect(t.belowHighWatermark).toBe(true);
    expect(t.consumedBy).toHaveLength(1);
    expect(t.offsetCommitted).toBe(true);
    expect(locateRecord(sim.state(), 10 ** 6)).toBeNull();
  });

  it('tells a lost record from a failed one', () => {
    const e = createFlowEngine({ ...base, partitions: 1, acks: '1', replicaStartIndex: 0 }, 1);
    for (let t = 0; t < 10; t++) e.tick();
    const lastId = e.state().records.length - 1;
    e.act({ kind: 'broker-down', broker: 1 });
    expect(locateRecord(e.state(), lastId)!.stage).toBe('lost');
    e.act({ kind: 'set-acks', acks: 'all' });
    e.act({ kind: 'set-min-insync', value: 3 });
    e.tick();
    const failed = e.state().records.at(-1)!;
    expect(failed.error).toBe('NOT_ENOUGH_REPLICAS');
    expect(locateRecord(e.state(), failed.id)!.stage).toBe('failed');
  });
});
