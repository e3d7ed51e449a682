/**
 * simulateTraffic in the kit's Simulation shape: the run is computed once from the limiter and
 * the arrivals, and the player reveals it tick by tick, so the island shows each decision as
 * it happens and the reader can step back over a burst.
 */
import { batchModel, type TickModel } from '../ui/simulation.ts';
import { simulateTraffic, type Arrival, type SeriesPoint, type SimulatedRequest } from './simulate.ts';
import type { LimiterSpec } from './types.ts';

export interface TrafficConfig {
  readonly spec: LimiterSpec;
  readonly arrivals: readonly Arrival[];
  /** Playback step; the decisions themselves are exact to the millisecond whatever this is. */
  readonly tickMs: number;
}

export interface TrafficState {
  readonly timeMs: number;
  /** Decisions made before timeMs, in time order. */
  readonly requests: readonly SimulatedRequest[];
  /** The room-over-time series up to timeMs. */
  readonly series: readonly SeriesPoint[];
  readonly allowed: number;
  readonly denied: number;
}

export const trafficModel: TickModel<TrafficConfig, TrafficState, SimulatedRequest> = batchModel({
  tickMs: (config: TrafficConfig) => config.tickMs,
  run(config: TrafficConfig) {
    const result = simulateTraffic(config.spec, config.arrivals);
    return {
      events: result.requests,
      stateAt(timeMs: number): TrafficState {
        const requests = result.requests.filter((r) => r.atMs < timeMs);
        const allowed = requests.filter((r) => r.allowed).length;
        return {
          timeMs,
          requests,
          series: result.series.filter((p) => p.atMs < timeMs),
          allowed,
          denied: requests.length - allowed,
        };
      },
    };
  },
});
