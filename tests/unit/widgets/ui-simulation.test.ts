import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { batchModel, createSimulation, type TickModel } from '../../../src/widgets/ui/simulation.ts';
import { lagModel, type LagAction } from '../../../src/widgets/kafka/lag-model.ts';
import { createLagSimulation } from '../../../src/widgets/kafka/lag.ts';
import { trafficModel } from '../../../src/widgets/rate-limiter/traffic-model.ts';
import { simulateTraffic } from '../../../src/widgets/rate-limiter/simulate.ts';

const lagConfig = { partitions: 4, produceRate: 12, produceJitter: 0.3, consumeRate: 20, members: ['c1', 'c2'] };

describe('createSimulation over the lag model', () => {
  it('matches the model driven directly, tick for tick (the adapter changes nothing)', () => {
    const sim = createSimulation(lagModel, lagConfig, 7);
    const direct = createLagSimulation({ ...lagConfig, seed: 7 });
    for (let i = 0; i < 30; i++) {
      sim.step(1000);
      direct.tick();
      if (i === 10) {
        sim.act({ kind: 'crash', member: 'c2' });
        direct.crash('c2');
      }
      expect(sim.state()).toEqual({ ...direct.snapshot(), series: direct.series() });
    }
    expect(sim.events().map((e) => e.event)).toEqual(direct.events());
  });

  it('steps by time deltas: whole ticks run, the remainder carries over', () => {
    const sim = createSimulation(lagModel, lagConfig, 1);
    expect(sim.step(400)).toEqual([]);
    expect(sim.ticks()).toBe(0);
    sim.step(700); // 1100 ms in all: one tick, 100 ms carried
    expect(sim.ticks()).toBe(1);
    sim.step(900);
    expect(sim.ticks()).toBe(2);
    expect(sim.now()).toBe(2000);
  });

  it('step forward n then back n returns exactly to the start, with actions in between', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 32 - 1 }), fc.integer({ min: 1, max: 40 }), fc.integer({ min: 0, max: 20 }), (seed, n, start) => {
        const sim = createSimulation(lagModel, lagConfig, seed);
        sim.step(start * 1000);
        const before = sim.state();
        const eventsBefore = sim.events().length;
        for (let i = 0; i < n; i++) {
          sim.step(1000);
          if (i === 2) sim.act({ kind: 'behaviour', member: 'c1', behaviour: 'stuck' });
        }
        for (let i = 0; i < n; i++) sim.back();
        expect(sim.state()).toEqual(before);
        expect(sim.events()).toHaveLength(eventsBefore);
      }),
      { numRuns: 40 },
    );
  });

  it('scrubbing forward again replays the recorded actions', () => {
    const sim = createSimulation(lagModel, lagConfig, 3);
    sim.step(5000);
    sim.act({ kind: 'join', member: 'c3' });
    sim.step(20_000);
    const end = sim.state();
    sim.seek(0);
    expect(sim.ticks()).toBe(0);
    sim.seek(sim.horizon());
    expect(sim.state()).toEqual(end);
  });

  it('acting in the past drops the actions recorded after it', () => {
    const sim = createSimulation(lagModel, lagConfig, 3);
    sim.step(10_000);
    sim.act({ kind: 'crash', member: 'c1' });
    sim.step(10_000);
    sim.seek(5);
    sim.act({ kind: 'join', member: 'c9' });
    expect(sim.horizon()).toBe(5);
    expect(sim.snapshot().actions.map((a) => (a.action as LagAction).kind)).toEqual(['join']);
  });

  it('a snapshot restores the same state in a fresh simulation', () => {
    const a = createSimulation(lagModel, lagConfig, 11);
    a.step(8000);
    a.act({ kind: 'leave', member: 'c2' });
    a.step(6500);
    const snap = JSON.parse(JSON.stringify(a.snapshot()));
    const b = createSimulation(lagModel, lagConfig, 11);
    b.restore(snap);
    expect(b.state()).toEqual(a.state());
    a.step(600);
    b.step(600);
    expect(b.ticks()).toBe(a.ticks()); // the carried 500 ms survives the snapshot
    expect(() => createSimulation(lagModel, lagConfig, 12).restore(snap)).toThrow(RangeError);
  });

  it('reset goes back to tick 0 and forgets the timeline', () => {
    const sim = createSimulation(lagModel, lagConfig, 5);
    const start = sim.state();
    sim.step(9000);
    sim.reset();
    expect(sim.state()).toEqual(start);
    expect(sim.horizon()).toBe(0);
    expect(sim.events().map((e) => e.event.kind)).toEqual(['rebalance-end']); // the first assignment, at tick 0
  });

  it('rejects a bad delta instead of running forever', () => {
    const sim = createSimulation(lagModel, lagConfig, 5);
    expect(() => sim.step(Number.POSITIVE_INFINITY)).toThrow(RangeError);
    expect(() => sim.step(-1)).toThrow(RangeError);
  });
});

describe('batchModel', () => {
  const spec = { kind: 'token-bucket', capacity: 3, refillPerSec: 1 } as const;
  const arrivals = [0, 100, 200, 300, 400, 1500, 1600];

  it('reveals the batch run tick by tick, each decision in the tick that contains it', () => {
    const sim = createSimulation(trafficModel, { spec, arrivals, tickMs: 250 }, 1);
    const whole = simulateTraffic(spec, arrivals);
    expect(sim.step(250).map((e) => e.event.atMs)).toEqual([0, 100, 200]);
    expect(sim.state().allowed).toBe(3);
    sim.step(2000);
    expect(sim.state().requests).toEqual(whole.requests);
    expect(sim.state().denied).toBe(whole.deniedCount);
  });

  it('steps back over a burst exactly', () => {
    const sim = createSimulation(trafficModel, { spec, arrivals, tickMs: 100 }, 1);
    sim.step(500);
    const mid = sim.state();
    sim.step(1500);
    for (let i = 0; i < 15; i++) sim.back();
    expect(sim.state()).toEqual(mid);
  });

  it('works for any model with timed events', () => {
    const model: TickModel<{ n: number }, number, { atMs: number }> = batchModel({
      tickMs: () => 10,
      run: (c: { n: number }) => ({ events: Array.from({ length: c.n }, (_, i) => ({ atMs: i * 5 })), stateAt: (t: number) => t }),
    });
    const sim = createSimulation(model, { n: 6 }, 0);
    expect(sim.step(10)).toHaveLength(2);
    expect(sim.step(20)).toHaveLength(4);
    expect(sim.state()).toBe(30);
  });
});
