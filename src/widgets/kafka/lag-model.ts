/**
 * The consumer-lag simulation in the kit's Simulation shape: the island records every reader
 * action (join, crash, slow down...) so step back, scrubbing and shared links replay it exactly.
 */
import type { TickModel } from '../ui/simulation.ts';
import type { MemberBehaviour } from './lag-simulation.ts';
import { createLagSimulation, type LagEvent, type LagSeriesPoint, type LagSimConfig, type LagSnapshot } from './lag-simulation.ts';

export type LagAction =
  | { kind: 'join'; member: string }
  | { kind: 'leave'; member: string }
  | { kind: 'crash'; member: string }
  | { kind: 'behaviour'; member: string; behaviour: MemberBehaviour }
  | { kind: 'reset-offset'; partition: number; offset: number }
  | { kind: 'produce-rate'; rate: number; partition?: number }
  | { kind: 'consume-rate'; rate: number };

export type LagModelConfig = Omit<LagSimConfig, 'seed'>;

/** The snapshot plus the per-tick lag history the charts draw (a copy: later ticks never change it). */
export type LagState = LagSnapshot & { series: readonly LagSeriesPoint[] };

export const lagModel: TickModel<LagModelConfig, LagState, LagEvent, LagAction> = {
  tickMs: (config) => config.tickMs ?? 1000,
  create(config, seed) {
    const sim = createLagSimulation({ ...config, seed });
    return {
      initial: [...sim.events()],
      tick: () => sim.tick(),
      act(action) {
        switch (action.kind) {
          case 'join':
            return sim.join(action.member);
          case 'leave':
            return sim.leave(action.member);
          case 'crash':
            return sim.crash(action.member);
          case 'behaviour':
            return sim.setBehaviour(action.member, action.behaviour);
          case 'reset-offset':
            return sim.resetOffset(action.partition, action.offset);
          case 'produce-rate':
            sim.setProduceRate(action.rate, action.partition);
            return [];
          case 'consume-rate':
            sim.setConsumeRate(action.rate);
            return [];
        }
      },
      state: () => ({ ...sim.snapshot(), series: [...sim.series()] }),
    };
  },
};
