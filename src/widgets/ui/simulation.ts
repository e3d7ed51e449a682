/**
 * The one shape every simulator island drives. A model is written once as a tick engine (created
 * from a config and a seed, advanced one fixed tick at a time, changed by recorded actions); this
 * module turns it into a Simulation with a time-delta step, exact step-back and scrubbing, and
 * snapshot/restore. Exactness comes from replay: a snapshot is the seed, the tick count and the
 * actions with the tick they happened at, so restoring re-runs the same inputs and lands on the
 * same state bit for bit, whatever the model keeps inside.
 */

/** What a model provides: a deterministic engine advanced in whole ticks. */
export interface TickModel<Config, State, Event, Action = never> {
  /** Length of one tick in ms of simulated time (for batch models, the sampling step). */
  tickMs(config: Config): number;
  create(config: Config, seed: number): TickEngine<State, Event, Action>;
}

export interface TickEngine<State, Event, Action> {
  /** Events the engine produced while being created (e.g. the first assignment), logged at tick 0. */
  readonly initial?: readonly Event[];
  /** Advance one tick; returns that tick's events. */
  tick(): Event[];
  /** Apply a user action now (between ticks); returns its events. */
  act(action: Action): Event[];
  /** The current state, a plain serialisable view for the island. */
  state(): State;
}

/** An event with the tick it happened at (actions happen after that many ticks). */
export interface Timed<Event> {
  readonly tick: number;
  readonly timeMs: number;
  readonly event: Event;
}

export interface SimSnapshot<Action> {
  readonly seed: number;
  readonly ticks: number;
  /** Time stepped but not yet a whole tick. */
  readonly carryMs: number;
  readonly actions: readonly { readonly tick: number; readonly action: Action }[];
}

export interface Simulation<Config, State, Event, Action = never> {
  readonly config: Readonly<Config>;
  readonly seed: number;
  readonly tickMs: number;
  /** Simulated time in ms (whole ticks). */
  now(): number;
  ticks(): number;
  /** Advance by a time delta; whole ticks run, the remainder is carried to the next call. */
  step(dtMs: number): Timed<Event>[];
  act(action: Action): Timed<Event>[];
  state(): State;
  /** Every event so far, oldest first. */
  events(): readonly Timed<Event>[];
  /** Go back one tick, exactly (no-op at the start). */
  back(): void;
  /** Jump to any tick >= 0: back by replay, forward by running (recorded later actions happen again). */
  seek(tick: number): void;
  /** The furthest tick reached: the end of the timeline, kept when stepping back or scrubbing. */
  horizon(): number;
  snapshot(): SimSnapshot<Action>;
  restore(snapshot: SimSnapshot<Action>): void;
  reset(): void;
}

export function createSimulation<Config, State, Event, Action = never>(
  model: TickModel<Config, State, Event, Action>,
  config: Config,
  seed: number,
): Simulation<Config, State, Event, Action> {
  const tickMs = model.tickMs(config);
  if (!(tickMs > 0) || !Number.isFinite(tickMs)) throw new RangeError(`tickMs must be a positive number, got ${tickMs}`);

  let engine = model.create(config, seed);
  let ticks = 0;
  let carryMs = 0;
  let log: Timed<Event>[] = [];
  // Actions ever recorded, including those after the current tick (kept so scrubbing forward replays them).
  let actions: { tick: number; action: Action }[] = [];
  let applied = 0; // how many of `actions` the engine has seen
  let horizon = 0;

  const stamp = (events: readonly Event[]): Timed<Event>[] => events.map((event) => ({ tick: ticks, timeMs: ticks * tickMs, event }));
  log = stamp(engine.initial ?? []);

  function tickOnce(): Timed<Event>[] {
    ticks++;
    const out = stamp(engine.tick());
    // Recorded actions at this tick (from an earlier, longer run) happen again when replaying forward.
    while (applied < actions.length && actions[applied]!.tick === ticks) out.push(...stamp(engine.act(actions[applied++]!.action)));
    log.push(...out);
    horizon = Math.max(horizon, ticks);
    return out;
  }

  function rebuild(targetTick: number, keep: { tick: number; action: Action }[]): void {
    engine = model.create(config, seed);
    ticks = 0;
    carryMs = 0;
    log = stamp(engine.initial ?? []);
    actions = keep;
    applied = 0;
    while (applied < actions.length && actions[applied]!.tick === 0) log.push(...stamp(engine.act(actions[applied++]!.action)));
    while (ticks < targetTick) tickOnce();
  }

  const sim: Simulation<Config, State, Event, Action> = {
    config,
    seed,
    tickMs,
    now: () => ticks * tickMs,
    ticks: () => ticks,
    step(dtMs) {
      if (!(dtMs >= 0) || !Number.isFinite(dtMs)) throw new RangeError(`step needs a finite dtMs >= 0, got ${dtMs}`);
      carryMs += dtMs;
      const out: Timed<Event>[] = [];
      while (carryMs >= tickMs) {
        carryMs -= tickMs;
        out.push(...tickOnce());
      }
      return out;
    },
    act(action) {
      // Acting in the past rewrites the future: later recorded actions are dropped, as in any editor's undo.
      actions = actions.slice(0, applied);
      horizon = ticks;
      actions.push({ tick: ticks, action });
      applied++;
      const out = stamp(engine.act(action));
      log.push(...out);
      return out;
    },
    state: () => engine.state(),
    events: () => log,
    back() {
      if (ticks > 0) sim.seek(ticks - 1);
    },
    seek(tick) {
      if (!Number.isFinite(tick)) throw new RangeError(`seek needs a finite tick, got ${tick}`);
      const target = Math.max(0, Math.round(tick));
      if (target === ticks) return;
      const keepHorizon = horizon;
      if (target > ticks) {
        while (ticks < target) tickOnce();
      } else {
        rebuild(target, actions);
      }
      horizon = Math.max(keepHorizon, ticks);
      carryMs = 0;
    },
    horizon: () => horizon,
    snapshot: () => ({ seed, ticks, carryMs, actions: actions.slice(0, applied).map((a) => ({ ...a })) }),
    restore(snapshot) {
      if (snapshot.seed !== seed) throw new RangeError(`snapshot is of seed ${snapshot.seed}, this simulation has seed ${seed}`);
      rebuild(snapshot.ticks, snapshot.actions.map((a) => ({ ...a })));
      horizon = ticks;
      carryMs = snapshot.carryMs;
    },
    reset() {
      rebuild(0, []);
      horizon = 0;
    },
  };
  return sim;
}

/**
 * Adapts a model that computes a whole run at once (a list of timed events plus the state at any
 * time) to the tick shape, so batch models play, pause and scrub like stepping ones.
 */
export function batchModel<Config, State, Event extends { readonly atMs: number }>(def: {
  tickMs(config: Config): number;
  run(config: Config, seed: number): { events: readonly Event[]; stateAt(timeMs: number): State };
}): TickModel<Config, State, Event> {
  return {
    tickMs: def.tickMs,
    create(config, seed) {
      const tickMs = def.tickMs(config);
      const run = def.run(config, seed);
      const sorted = [...run.events].sort((a, b) => a.atMs - b.atMs);
      let t = 0;
      let next = 0;
      // Events at time 0 belong to the first tick's window [0, tickMs).
      return {
        tick() {
          t += tickMs;
          const out: Event[] = [];
          while (next < sorted.length && sorted[next]!.atMs < t) out.push(sorted[next++]!);
          return out;
        },
        act() {
          return [];
        },
        state: () => run.stateAt(t),
      };
    },
  };
}

/** An action the configuration schedules: it happens after `tick` ticks, before the reader does anything. */
export interface Scheduled<Action> {
  readonly tick: number;
  readonly action: Action;
}

/**
 * A model whose configuration carries a script of timed actions (presets, and reader actions
 * written into a shared link). Scheduled actions at the same tick run in script order.
 */
export function withScript<Config, State, Event, Action>(
  model: TickModel<Config, State, Event, Action>,
): TickModel<{ base: Config; script: readonly Scheduled<Action>[] }, State, Event, Action> {
  return {
    tickMs: (c) => model.tickMs(c.base),
    create(c, seed) {
      const engine = model.create(c.base, seed);
      const script = [...c.script].sort((a, b) => a.tick - b.tick);
      let ticks = 0;
      let next = 0;
      const due = (): Event[] => {
        const out: Event[] = [];
        while (next < script.length && script[next]!.tick <= ticks) out.push(...engine.act(script[next++]!.action));
        return out;
      };
      const initial = [...(engine.initial ?? []), ...due()];
      return {
        initial,
        tick() {
          ticks++;
          return [...engine.tick(), ...due()];
        },
        act: (a) => engine.act(a),
        state: () => engine.state(),
      };
    },
  };
}
