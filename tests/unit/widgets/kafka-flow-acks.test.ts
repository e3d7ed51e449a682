/**
 * acks and min.insync.replicas in the flow model, against Kafka's documentation:
 * - Producer config `acks`: acks=0 "the producer will not wait for any acknowledgment from the server at all";
 *   acks=1 "the leader will write the record to its local log but will respond without awaiting full
 *   acknowledgement from all followers ... should the leader fail immediately after acknowledging the record but
 *   before the followers have replicated it then the record will be lost"; acks=all "the leader will wait for the
 *   full set of in-sync replicas to acknowledge the record".
 * - Topic/broker config `min.insync.replicas`: "When a producer sets acks to "all" (or "-1"), min.insync.replicas
 *   specifies the minimum number of replicas that must acknowledge a write for the write to be considered
 *   successful. If this minimum cannot be met, then the producer will raise an exception (either
 *   NotEnoughReplicas or NotEnoughReplicasAfterAppend)."
 * - Design, "Replicated Logs: Quorums, ISRs, and State Machines": a committed message is not lost as long as one
 *   in-sync replica stays alive.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createFlowEngine, type FlowAction, type FlowConfig, type KeyMode } from '../../../src/widgets/kafka/flow-model.ts';

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

function ticks(engine: ReturnType<typeof createFlowEngine>, n: number) {
  for (let i = 0; i < n; i++) engine.tick();
}

describe('acks', () => {
  it('acks=all with an ISR smaller than min.insync.replicas: NOT_ENOUGH_REPLICAS and the record is not appended', () => {
    const e = createFlowEngine({ ...base, acks: 'all', minInsyncReplicas: 2 }, 1);
    ticks(e, 5);
    e.act({ kind: 'broker-down', broker: 2 });
    ticks(e, 5); // ISR {1,3}: still enough
    e.act({ kind: 'broker-down', broker: 3 });
    const leoBefore = e.state().partitions[0]!.leo;
    ticks(e, 5);
    const s = e.state();
    const refused = s.records.filter((r) => r.error === 'NOT_ENOUGH_REPLICAS');
    expect(refused).toHaveLength(5);
    for (const r of refused) {
      expect(r.offset).toBeNull();
      expect(r.replicas).toEqual([]);
      expect(r.lost).toBe(false); // an error, not a loss: the producer knows
    }
    expect(s.partitions[0]!.leo).toBe(leoBefore);
    expect(s.partitions[0]!.underMinIsr).toBe(true);
  });

  it('acks=1 and acks=0 ignore min.insync.replicas', () => {
    for (const acks of ['1', '0'] as const) {
      const e = createFlowEngine({ ...base, acks, minInsyncReplicas: 3 }, 1);
      e.act({ kind: 'broker-down', broker: 3 });
      ticks(e, 5);
      const s = e.state();
      expect(s.records.every((r) => r.error === null && r.offset !== null)).toBe(true);
      expect(s.records.every((r) => r.status === (acks === '1' ? 'acked' : 'sent'))).toBe(true);
    }
  });

  it('acks=all is acknowledged only when the high watermark passes the record', () => {
    const e = createFlowEngine({ ...base, acks: 'all' }, 1);
    e.tick();
    expect(e.state().records[0]!.status).toBe('pending');
    e.tick();
    expect(e.state().records[0]!.status).toBe('pending');
    e.tick();
    const r = e.state().records[0]!;
    expect(r.status).toBe('acked');
    expect(r.offset!).toBeLessThan(e.state().partitions[0]!.hw);
  });

  it('NOT_ENOUGH_REPLICAS_AFTER_APPEND: appended, then the ISR shrank below min.insync.replicas before the ack', () => {
    const e = createFlowEngine({ ...base, replicationFactor: 2, acks: 'all', minInsyncReplicas: 2 }, 1);
    ticks(e, 3);
    e.tick(); // this tick's record is appended but the follower has not confirmed it
    const pending = e.state().records.filter((r) => r.status === 'pending');
    expect(pending.length).toBeGreaterThan(0);
    e.act({ kind: 'broker-down', broker: 2 }); // the follower of partition 0
    const s = e.state();
    for (const p of pending) {
      const r = s.records[p.id]!;
      expect(r.error).toBe('NOT_ENOUGH_REPLICAS_AFTER_APPEND');
      expect(r.offset).not.toBeNull(); // it is in the log all the same
      expect(r.lost).toBe(false);
    }
  });

  it('acks=1 acknowledged but unreplicated records are lost when the leader dies; acks=all ones are not', () => {
    for (const acks of ['1', 'all'] as const) {
      const e = createFlowEngine({ ...base, acks, producerRate: 30 }, 1);
      ticks(e, 10);
      e.act({ kind: 'broker-down', broker: 1 });
      const s = e.state();
      if (acks === '1') {
        expect(s.totals.lostAcked).toBeGreaterThan(0);
        // Lost records were never below the high watermark, so no consumer saw them.
        for (const r of s.records) if (r.lost) expect(r.deliveries).toEqual([]);
      } else {
        expect(s.totals.lost).toBeGreaterThanOrEqual(0);
        expect(s.records.filter((r) => r.lost && r.status === 'acked')).toEqual([]);
        // The pending ones got an error: the producer was never told they were written.
        for (const r of s.records) if (r.lost) expect(r.status).toBe('failed');
      }
    }
  });

  it('acks=all waits on a stalled ISR follower until replica.lag.time.max.ms drops it, then acknowledges', () => {
    const e = createFlowEngine({ ...base, acks: 'all', minInsyncReplicas: 2, replicaLagTimeMaxMs: 1000 }, 1);
    ticks(e, 5);
    e.act({ kind: 'broker-stall', broker: 3, stalled: true });
    ticks(e, 5);
    const waiting = e.state().records.filter((r) => r.status === 'pending');
    expect(waiting.length).toBeGreaterThan(2); // the HW is held back by the stalled follower's fetch offset
    ticks(e, 15);
    const s = e.state();
    expect(s.partitions[0]!.isr).toEqual([1, 2]);
    for (const w of waiting) {
      const r = s.records[w.id]!;
      expect(r.status).toBe('acked'); // the ISR {1,2} still meets min.insync.replicas=2
      expect(r.answeredAtMs! - r.producedAtMs).toBeGreaterThan(500);
    }
  });

  it('acks=0 records are "sent" at once: the producer never learns of a failure or a loss', () => {
    const e = createFlowEngine({ ...base, acks: '0', producerRate: 30 }, 1);
    ticks(e, 10);
    e.act({ kind: 'broker-down', broker: 1 });
    const s = e.state();
    expect(s.records.every((r) => r.status === 'sent' && r.answeredAtMs === null)).toBe(true);
    expect(s.totals.lost).toBeGreaterThan(0);
  });
});

describe('property: acks=all with min.insync.replicas >= 2 never loses an acknowledged record to one broker failure', () => {
  const keys: fc.Arbitrary<KeyMode> = fc.oneof(
    fc.record({ kind: fc.constant('uniform' as const), count: fc.integer({ min: 1, max: 30 }) }),
    fc.record({ kind: fc.constant('zipf' as const), count: fc.integer({ min: 2, max: 30 }), exponent: fc.double({ min: 0.5, max: 2, noNaN: true }) }),
    fc.constant<KeyMode>({ kind: 'keyless' }),
  );
  it('holds for random clusters, traffic and failure times (with the broker coming back or not)', () => {
    fc.assert(
      fc.property(
        fc.record({
          seed: fc.integer({ min: 0, max: 2 ** 31 }),
          brokers: fc.integer({ min: 3, max: 5 }),
          partitions: fc.integer({ min: 1, max: 6 }),
          rf: fc.integer({ min: 2, max: 3 }),
          minIsrExtra: fc.integer({ min: 0, max: 1 }),
          producers: fc.integer({ min: 1, max: 3 }),
          rate: fc.integer({ min: 1, max: 40 }),
          keys,
          failAt: fc.integer({ min: 0, max: 30 }),
          broker: fc.integer({ min: 1, max: 5 }),
          backAfter: fc.option(fc.integer({ min: 1, max: 30 }), { nil: undefined }),
        }),
        (p) => {
          const minIsr = Math.min(p.rf, 2 + p.minIsrExtra);
          const e = createFlowEngine(
            {
              brokers: p.brokers,
              partitions: p.partitions,
              replicationFactor: p.rf,
              minInsyncReplicas: minIsr,
              acks: 'all',
              producers: p.producers,
              producerRate: p.rate,
              keys: p.keys,
              consumers: ['c1', 'c2'],
              replicaLagTimeMaxMs: 1000,
            },
            p.seed,
          );
          const broker = ((p.broker - 1) % p.brokers) + 1;
          const script: { at: number; action: FlowAction }[] = [{ at: p.failAt, action: { kind: 'broker-down', broker } }];
          if (p.backAfter !== undefined) script.push({ at: p.failAt + p.backAfter, action: { kind: 'broker-up', broker } });
          for (let t = 0; t <= 70; t++) {
            for (const s of script) if (s.at === t) e.act(s.action);
            e.tick();
          }
          // Loss is permanent and acks are final, so the end state holds every violation there was.
          const st = e.state();
          expect(st.records.filter((r) => r.lost && r.status === 'acked').map((r) => r.id)).toEqual([]);
          // A record handed to a consumer was committed, so it survives too.
          expect(st.records.filter((r) => r.lost && r.deliveries.length > 0).map((r) => r.id)).toEqual([]);
          // The run did exercise the claim: something was acknowledged.
          expect(st.totals.acked + st.totals.failed.NOT_ENOUGH_REPLICAS).toBeGreaterThan(0);
        },
      ),
      { numRuns: 60 },
    );
  });
});
