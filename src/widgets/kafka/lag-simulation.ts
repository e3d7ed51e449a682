/**
 * Consumer lag: a tick-based model of a topic's partitions, a producer, one consumer group (members, offset
 * commits, join / leave / crash, eager rebalances that pause consumption), evaluated by Burrow's rules.
 *
 * Sources:
 * - linkedin/Burrow core/internal/storage/inmemory.go (lag of a commit = broker offset - committed offset,
 *   floored at 0; commits closer than min-distance overwrite the previous ring slot and keep its timestamp).
 * - apache/kafka ConsumerCoordinator.onJoinPrepare (auto-commit before a rebalance), RangeAssignor (the
 *   assignment after a rebalance, the same function the rebalance simulator uses), the group coordinator
 *   removing members that did not rejoin.
 *
 * Simplifications (documented, not hidden): one topic; a rebalance takes a fixed `rebalanceMs`; broker
 * offsets are sampled every tick; messages produced during a tick carry the tick's end time.
 */
import { mulberry32 } from '../shared/random.ts';
import { rangeAssign } from './assignors-classic.ts';
import { evaluateLag, groupStatus, type CommitSample, type GroupStatus, type LagEvaluation, type LagWindow } from './burrow.ts';

/** The topic name the single-topic simulation gives Kafka's assignor. */
const TOPIC = 'events';

/** RangeAssignor for one topic (Kafka's, via rangeAssign): member id -> partition numbers, members in id order. */
export function rangeAssignOneTopic(memberIds: readonly string[], numPartitions: number): Map<string, number[]> {
  if (memberIds.length === 0) return new Map();
  const assignment = rangeAssign(memberIds.map((id) => ({ id, topics: [TOPIC] })), { [TOPIC]: numPartitions });
  return new Map([...memberIds].sort().map((id) => [id, assignment[id]!.map((tp) => tp.partition)]));
}

export interface LagSimConfig {
  partitions: number;
  /** Length of one tick. Default 1000 ms. */
  tickMs?: number;
  /** Messages per second produced to each partition (one number for all, or one per partition). Default 10. */
  produceRate?: number | readonly number[];
  /** Seeded random variation of the produce rate, as a fraction (0.2 = +/-20%). Default 0. */
  produceJitter?: number;
  /** Messages per second one member can process, shared across its partitions. Default 40. */
  consumeRate?: number;
  /** auto.commit.interval.ms. Default 5000 (Kafka's default). */
  commitIntervalMs?: number;
  /** session.timeout.ms: how long a crashed member keeps its partitions. Default 45000 (Kafka 3.0+). */
  sessionTimeoutMs?: number;
  /** How long a rebalance stops the whole group (eager protocol). Default 3000 ms. */
  rebalanceMs?: number;
  /** Burrow's lagcheck intervals: commits and broker offsets kept per partition. Default 10. */
  intervals?: number;
  /** Burrow's min-distance: commits closer than this to the previous one overwrite it. Default 1000 ms. */
  minDistanceMs?: number;
  /**
   * How often Burrow fetches the brokers' log-end offsets (its cluster offset-refresh). Commits are
   * judged against the last fetched value, so a refresh slower than commits hides lag. Default: every tick.
   */
  brokerRefreshMs?: number;
  /** A 'slow' member processes this fraction of consumeRate. Default 0.25. */
  slowFactor?: number;
  /** Initial members (they join at time 0 and are assigned at once, without a rebalance pause). */
  members?: readonly string[];
  seed?: number;
}

/**
 * normal: consumes and commits. slow: consumes at slowFactor of the rate and commits. stuck: consumes nothing but
 * keeps committing (Burrow STALL). no-commit: consumes, never commits (STOP).
 */
export type MemberBehaviour = 'normal' | 'slow' | 'stuck' | 'no-commit';

export interface MemberView {
  id: string;
  behaviour: MemberBehaviour;
  crashed: boolean;
  /** When the coordinator will notice a crash (last heartbeat + session timeout), else null. */
  sessionExpiresAtMs: number | null;
  partitions: number[];
}

export interface PartitionView {
  partition: number;
  logEndOffset: number;
  committedOffset: number;
  /** The owner's fetch position (processed but possibly not yet committed). */
  position: number;
  owner: string | null;
  /** logEndOffset - committedOffset: never negative. */
  lag: number;
  /** Age of the oldest unconsumed message in seconds (0 when caught up). */
  lagSeconds: number;
  evaluation: LagEvaluation;
}

export interface LagSnapshot {
  timeMs: number;
  generation: number;
  rebalancing: boolean;
  rebalanceEndsAtMs: number | null;
  members: MemberView[];
  partitions: PartitionView[];
  totalLag: number;
  maxLagSeconds: number;
  groupStatus: GroupStatus;
}

export type LagEventKind =
  | 'join'
  | 'leave'
  | 'crash'
  | 'session-timeout'
  | 'rebalance-start'
  | 'rebalance-end'
  | 'commit'
  | 'reset-offset'
  | 'behaviour';

export interface LagEvent {
  timeMs: number;
  kind: LagEventKind;
  member?: string;
  partition?: number;
  offset?: number;
  detail: string;
}

export interface LagSeriesPoint {
  timeMs: number;
  lag: number[];
  totalLag: number;
  rebalancing: boolean;
}

export interface LagSimulation {
  readonly config: Readonly<Required<Omit<LagSimConfig, 'members' | 'produceRate'>>> & { produceRate: readonly number[] };
  now(): number;
  /** Advance one tick; returns the events of that tick. */
  tick(): LagEvent[];
  /** Advance n ticks; returns all their events. */
  run(ticks: number): LagEvent[];
  join(memberId: string): LagEvent[];
  /** Graceful leave (consumer.close()): commits, sends LeaveGroup, the group rebalances at once. */
  leave(memberId: string): LagEvent[];
  /** Process dies: no commit, no LeaveGroup; noticed after session.timeout.ms. */
  crash(memberId: string): LagEvent[];
  setBehaviour(memberId: string, behaviour: MemberBehaviour): LagEvent[];
  /** Commit an older (or newer) offset for a partition, as a seek + commit does: shows Burrow's REWIND. */
  resetOffset(partition: number, offset: number): LagEvent[];
  setProduceRate(rate: number, partition?: number): void;
  setConsumeRate(rate: number): void;
  /** Burrow's view of one partition right now. */
  window(partition: number): LagWindow;
  snapshot(): LagSnapshot;
  series(): readonly LagSeriesPoint[];
  events(): readonly LagEvent[];
}

interface Member {
  id: string;
  behaviour: MemberBehaviour;
  crashedAtMs: number | null;
  nextCommitAtMs: number;
  consumeCarry: number;
}

interface PartitionState {
  leo: number;
  committed: number;
  position: number;
  owner: string | null;
  produceRate: number;
  produceCarry: number;
  /** (time, log-end offset) after every tick that produced: for the age of the oldest unconsumed message. */
  leoHistory: { timeMs: number; leo: number }[];
  commits: CommitSample[];
  brokerOffsets: number[];
  /** The log-end offset as Burrow last fetched it. */
  knownLeo: number;
}

function positiveInt(name: string, v: number): number {
  if (!Number.isInteger(v) || v < 1) throw new RangeError(`${name} must be a positive integer, got ${v}`);
  return v;
}

function nonNegative(name: string, v: number): number {
  if (!Number.isFinite(v) || v < 0) throw new RangeError(`${name} must be a finite number >= 0, got ${v}`);
  return v;
}

export function createLagSimulation(input: LagSimConfig): LagSimulation {
  const partitions = positiveInt('partitions', input.partitions);
  const rates = typeof input.produceRate === 'object' ? [...input.produceRate] : new Array<number>(partitions).fill(input.produceRate ?? 10);
  if (rates.length !== partitions) throw new RangeError(`produceRate needs ${partitions} values, got ${rates.length}`);
  rates.forEach((r) => nonNegative('produceRate', r));
  const config = {
    partitions,
    tickMs: positiveInt('tickMs', input.tickMs ?? 1000),
    produceRate: rates as readonly number[],
    produceJitter: nonNegative('produceJitter', input.produceJitter ?? 0),
    consumeRate: nonNegative('consumeRate', input.consumeRate ?? 40),
    commitIntervalMs: positiveInt('commitIntervalMs', input.commitIntervalMs ?? 5000),
    sessionTimeoutMs: positiveInt('sessionTimeoutMs', input.sessionTimeoutMs ?? 45000),
    rebalanceMs: nonNegative('rebalanceMs', input.rebalanceMs ?? 3000),
    intervals: positiveInt('intervals', input.intervals ?? 10),
    minDistanceMs: nonNegative('minDistanceMs', input.minDistanceMs ?? 1000),
    brokerRefreshMs: positiveInt('brokerRefreshMs', input.brokerRefreshMs ?? input.tickMs ?? 1000),
    slowFactor: nonNegative('slowFactor', input.slowFactor ?? 0.25),
    seed: input.seed ?? 1,
  };
  const rng = mulberry32(config.seed);

  let timeMs = 0;
  let generation = 0;
  let rebalanceEndsAtMs: number | null = null;
  const members = new Map<string, Member>();
  const state: PartitionState[] = rates.map((produceRate) => ({
    leo: 0,
    committed: 0,
    position: 0,
    owner: null,
    produceRate,
    produceCarry: 0,
    leoHistory: [{ timeMs: 0, leo: 0 }],
    commits: [],
    brokerOffsets: [],
    knownLeo: 0,
  }));
  const log: LagEvent[] = [];
  const points: LagSeriesPoint[] = [];

  function emit(out: LagEvent[], e: Omit<LagEvent, 'timeMs'>): void {
    const event = { timeMs, ...e };
    out.push(event);
    log.push(event);
  }

  function partitionsOf(memberId: string): number[] {
    const owned: number[] = [];
    state.forEach((p, i) => {
      if (p.owner === memberId) owned.push(i);
    });
    return owned;
  }

  /** Burrow storage: store a commit, lag against the broker offset now, merging commits closer than min-distance. */
  function storeCommit(p: PartitionState, offset: number): void {
    const lag = Math.max(0, p.knownLeo - offset);
    const last = p.commits[p.commits.length - 1];
    if (last !== undefined && timeMs - last.timestampMs < config.minDistanceMs) {
      p.commits[p.commits.length - 1] = { offset, timestampMs: last.timestampMs, lag };
    } else {
      p.commits.push({ offset, timestampMs: timeMs, lag });
      if (p.commits.length > config.intervals) p.commits.shift();
    }
  }

  function commitMember(m: Member, out: LagEvent[]): void {
    if (m.crashedAtMs !== null || m.behaviour === 'no-commit') return;
    for (const i of partitionsOf(m.id)) {
      const p = state[i]!;
      p.committed = p.position;
      storeCommit(p, p.position);
      emit(out, { kind: 'commit', member: m.id, partition: i, offset: p.position, detail: `${m.id} commits offset ${p.position} on partition ${i}` });
    }
  }

  function assign(out: LagEvent[]): void {
    // Members that did not rejoin (crashed) are removed by the coordinator when the join phase completes.
    for (const [id, m] of members) if (m.crashedAtMs !== null) members.delete(id);
    const assignment = rangeAssignOneTopic([...members.keys()], partitions);
    for (const p of state) {
      p.owner = null;
      p.position = p.committed; // the new owner fetches the committed offset
    }
    for (const [id, owned] of assignment) for (const i of owned) state[i]!.owner = id;
    generation++;
    emit(out, { kind: 'rebalance-end', detail: `generation ${generation}: ${[...assignment].map(([id, ps]) => `${id}=[${ps.join(',')}]`).join(' ') || 'no members'}` });
  }

  function startRebalance(reason: string, out: LagEvent[]): void {
    if (rebalanceEndsAtMs !== null) return; // already preparing a rebalance: joins and leaves fold into it
    // onJoinPrepare: every live member commits (auto-commit) and then loses its partitions (eager protocol).
    for (const m of members.values()) commitMember(m, out);
    for (const p of state) if (p.owner !== null && members.get(p.owner)?.crashedAtMs === null) p.owner = null;
    rebalanceEndsAtMs = timeMs + config.rebalanceMs;
    emit(out, { kind: 'rebalance-start', detail: `rebalance (${reason}): consumption pauses for ${config.rebalanceMs} ms` });
    if (config.rebalanceMs === 0) {
      rebalanceEndsAtMs = null;
      assign(out);
    }
  }

  function need(memberId: string): Member {
    const m = members.get(memberId);
    if (m === undefined) throw new RangeError(`no member ${memberId} in the group`);
    return m;
  }

  function newMember(id: string): Member {
    return { id, behaviour: 'normal', crashedAtMs: null, nextCommitAtMs: timeMs + config.commitIntervalMs, consumeCarry: 0 };
  }

  // Initial members: assigned at time 0 without a pause.
  for (const id of input.members ?? []) {
    if (members.has(id)) throw new RangeError(`duplicate member ${id}`);
    members.set(id, newMember(id));
  }
  if (members.size > 0) assign([]);

  function produce(): void {
    for (const p of state) {
      const jitter = config.produceJitter > 0 ? 1 + config.produceJitter * (2 * rng() - 1) : 1;
      const exact = Math.max(0, (p.produceRate * config.tickMs * jitter) / 1000) + p.produceCarry;
      const n = Math.floor(exact);
      p.produceCarry = exact - n;
      if (n > 0) {
        p.leo += n;
        p.leoHistory.push({ timeMs, leo: p.leo });
      }
    }
  }

  function consume(): void {
    if (rebalanceEndsAtMs !== null) return;
    for (const m of members.values()) {
      if (m.crashedAtMs !== null || m.behaviour === 'stuck') continue;
      const rate = m.behaviour === 'slow' ? config.consumeRate * config.slowFactor : config.consumeRate;
      const exact = (rate * config.tickMs) / 1000 + m.consumeCarry;
      let budget = Math.floor(exact);
      const fraction = exact - budget;
      // Share the budget evenly among owned partitions with a backlog; leftovers go to the lowest partitions.
      let backlog = partitionsOf(m.id).filter((i) => state[i]!.position < state[i]!.leo);
      while (budget > 0 && backlog.length > 0) {
        const share = Math.max(1, Math.floor(budget / backlog.length));
        for (const i of backlog) {
          if (budget === 0) break;
          const p = state[i]!;
          const take = Math.min(share, budget, p.leo - p.position);
          p.position += take;
          budget -= take;
        }
        backlog = backlog.filter((i) => state[i]!.position < state[i]!.leo);
      }
      // Carry the fractional message to the next tick; idle capacity is not saved up.
      m.consumeCarry = budget === 0 ? fraction : 0;
    }
  }

  function tick(): LagEvent[] {
    const out: LagEvent[] = [];
    timeMs += config.tickMs;
    produce();
    const refreshed = timeMs % config.brokerRefreshMs < config.tickMs;
    if (refreshed) for (const p of state) p.knownLeo = p.leo;
    for (const m of [...members.values()]) {
      if (m.crashedAtMs !== null && timeMs >= m.crashedAtMs + config.sessionTimeoutMs) {
        members.delete(m.id);
        for (const p of state) if (p.owner === m.id) p.owner = null;
        emit(out, { kind: 'session-timeout', member: m.id, detail: `${m.id} missed heartbeats for session.timeout.ms (${config.sessionTimeoutMs} ms): removed` });
        startRebalance(`${m.id} timed out`, out);
      }
    }
    if (rebalanceEndsAtMs !== null && timeMs >= rebalanceEndsAtMs) {
      rebalanceEndsAtMs = null;
      assign(out);
    }
    consume();
    if (rebalanceEndsAtMs === null) {
      for (const m of members.values()) {
        if (timeMs >= m.nextCommitAtMs) {
          commitMember(m, out);
          while (m.nextCommitAtMs <= timeMs) m.nextCommitAtMs += config.commitIntervalMs;
        }
      }
    }
    for (const p of state) {
      // Burrow appends a broker offset to its ring on each fetch, not each tick.
      if (refreshed) {
        p.brokerOffsets.push(p.knownLeo);
        if (p.brokerOffsets.length > config.intervals) p.brokerOffsets.shift();
      }
    }
    points.push({ timeMs, lag: state.map((p) => p.leo - p.committed), totalLag: state.reduce((s, p) => s + p.leo - p.committed, 0), rebalancing: rebalanceEndsAtMs !== null });
    return out;
  }

  function lagSeconds(p: PartitionState): number {
    if (p.committed >= p.leo) return 0;
    // The first history point whose log-end offset passed the committed offset is when the oldest unconsumed
    // message was produced.
    const h = p.leoHistory.find((e) => e.leo > p.committed)!;
    return (timeMs - h.timeMs) / 1000;
  }

  function window(partition: number): LagWindow {
    const p = state[partition];
    if (p === undefined) throw new RangeError(`no partition ${partition}`);
    return {
      offsets: p.commits.map((c) => ({ ...c })),
      brokerOffsets: [...p.brokerOffsets],
      currentLag: Math.max(0, p.knownLeo - p.committed),
      nowMs: timeMs,
      intervals: config.intervals,
    };
  }

  function snapshot(): LagSnapshot {
    const views: PartitionView[] = state.map((p, i) => ({
      partition: i,
      logEndOffset: p.leo,
      committedOffset: p.committed,
      position: p.position,
      owner: p.owner,
      lag: Math.max(0, p.leo - p.committed),
      lagSeconds: lagSeconds(p),
      evaluation: evaluateLag(window(i)),
    }));
    return {
      timeMs,
      generation,
      rebalancing: rebalanceEndsAtMs !== null,
      rebalanceEndsAtMs,
      members: [...members.values()]
        .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
        .map((m) => ({
          id: m.id,
          behaviour: m.behaviour,
          crashed: m.crashedAtMs !== null,
          sessionExpiresAtMs: m.crashedAtMs === null ? null : m.crashedAtMs + config.sessionTimeoutMs,
          partitions: partitionsOf(m.id),
        })),
      partitions: views,
      totalLag: views.reduce((s, v) => s + v.lag, 0),
      maxLagSeconds: views.reduce((s, v) => Math.max(s, v.lagSeconds), 0),
      groupStatus: groupStatus(views.map((v) => v.evaluation.status)),
    };
  }

  return {
    config,
    now: () => timeMs,
    tick,
    run(ticks: number) {
      const out: LagEvent[] = [];
      for (let i = 0; i < ticks; i++) out.push(...tick());
      return out;
    },
    join(memberId: string) {
      if (members.has(memberId)) throw new RangeError(`member ${memberId} is already in the group`);
      const out: LagEvent[] = [];
      members.set(memberId, newMember(memberId));
      emit(out, { kind: 'join', member: memberId, detail: `${memberId} sends JoinGroup` });
      startRebalance(`${memberId} joined`, out);
      return out;
    },
    leave(memberId: string) {
      const m = need(memberId);
      const out: LagEvent[] = [];
      if (m.crashedAtMs === null) commitMember(m, out); // close(): final auto-commit
      members.delete(memberId);
      for (const p of state) if (p.owner === memberId) p.owner = null;
      emit(out, { kind: 'leave', member: memberId, detail: `${memberId} sends LeaveGroup` });
      startRebalance(`${memberId} left`, out);
      return out;
    },
    crash(memberId: string) {
      const m = need(memberId);
      const out: LagEvent[] = [];
      if (m.crashedAtMs !== null) return out;
      m.crashedAtMs = timeMs;
      emit(out, { kind: 'crash', member: memberId, detail: `${memberId} crashed: its partitions stall until the session times out` });
      return out;
    },
    setBehaviour(memberId: string, behaviour: MemberBehaviour) {
      const m = need(memberId);
      const out: LagEvent[] = [];
      m.behaviour = behaviour;
      emit(out, { kind: 'behaviour', member: memberId, detail: `${memberId} is now ${behaviour}` });
      return out;
    },
    resetOffset(partition: number, offset: number) {
      const p = state[partition];
      if (p === undefined) throw new RangeError(`no partition ${partition}`);
      if (!Number.isInteger(offset) || offset < 0 || offset > p.leo) {
        throw new RangeError(`offset must be an integer in [0, ${p.leo}], got ${offset}`);
      }
      const out: LagEvent[] = [];
      p.committed = offset;
      p.position = offset;
      storeCommit(p, offset);
      emit(out, { kind: 'reset-offset', partition, offset, detail: `partition ${partition} committed offset set to ${offset}` });
      return out;
    },
    setProduceRate(rate: number, partition?: number) {
      nonNegative('produceRate', rate);
      if (partition === undefined) for (const p of state) p.produceRate = rate;
      else {
        const p = state[partition];
        if (p === undefined) throw new RangeError(`no partition ${partition}`);
        p.produceRate = rate;
      }
    },
    setConsumeRate(rate: number) {
      config.consumeRate = nonNegative('consumeRate', rate);
    },
    window,
    snapshot,
    series: () => points,
    events: () => log,
  };
}
