/**
 * Kafka Rebalance: one consumer group's membership changes played against four assignment
 * strategies at once, so the reader sees what each costs on the same sequence. range, roundrobin
 * and sticky run the eager protocol (every member revokes everything when a rebalance starts);
 * cooperative-sticky runs the incremental protocol of KIP-429 (members keep what they keep, and a
 * second round hands over what was revoked). The assignments come from the exact assignors in
 * ./assignors.ts; this module adds time: when the coordinator notices a change, how long each
 * round takes, and which partitions nobody consumes meanwhile.
 *
 * Sources: KIP-429 (incremental cooperative rebalancing), KIP-345 (static membership: a member with
 * group.instance.id that restarts within session.timeout.ms gets its old assignment back without
 * a rebalance, and does not send LeaveGroup when it shuts down), KIP-62 (max.poll.interval.ms: a
 * member that stops polling leaves the group when the timer expires), and the consumer configs
 * session.timeout.ms (default 45 s since Kafka 3.0) and max.poll.interval.ms (default 300 s).
 *
 * Simplifications: one topic; each round of a rebalance takes a fixed `roundMs`; a change that
 * arrives while a rebalance runs restarts it (the coordinator starts a new generation).
 */
import { cooperativeRebalance, eagerRebalance, type Assignment, type GroupMember } from './assignors.ts';
import type { TickModel } from '../ui/simulation.ts';

const TOPIC = 'orders';

export type LaneStrategy = 'range' | 'roundrobin' | 'sticky' | 'cooperative-sticky';
export const LANE_STRATEGIES: readonly LaneStrategy[] = ['range', 'roundrobin', 'sticky', 'cooperative-sticky'];

export interface RebalanceConfig {
  partitions: number;
  /** Members at time 0, already assigned (c1, c2, ...). */
  members: number;
  /** Give members a group.instance.id (static membership). */
  staticMembers: boolean;
  sessionTimeoutMs: number;
  maxPollIntervalMs: number;
  /** How long one round (JoinGroup + SyncGroup) takes. */
  roundMs: number;
  /** Messages per second produced to each partition: a paused partition builds this much lag. */
  produceRate: number;
  tickMs: number;
}

export const DEFAULT_REBALANCE_CONFIG: RebalanceConfig = {
  partitions: 6,
  members: 3,
  staticMembers: false,
  sessionTimeoutMs: 45_000,
  maxPollIntervalMs: 300_000,
  roundMs: 3000,
  produceRate: 100,
  tickMs: 1000,
};

export type RebalanceAction =
  | { kind: 'join'; member: string }
  /** consumer.close(): a dynamic member sends LeaveGroup; a static one does not (KIP-345). */
  | { kind: 'leave'; member: string }
  /** The process dies: no LeaveGroup; the coordinator notices after session.timeout.ms. */
  | { kind: 'kill'; member: string }
  /** The member stops calling poll(): it leaves when max.poll.interval.ms expires. */
  | { kind: 'poll-stall'; member: string }
  /** Kill, then start again after downtimeMs with the same id (a deploy). */
  | { kind: 'restart'; member: string; downtimeMs: number };

export type MemberPhase = 'active' | 'down' | 'stalled' | 'gone';

export interface MemberView {
  id: string;
  static: boolean;
  phase: MemberPhase;
  /** When the coordinator will act on this member (session or poll timeout, restart), else null. */
  deadlineMs: number | null;
  /** True while the coordinator still counts the member in the group. */
  inGroup: boolean;
}

export interface RebalanceRecord {
  lane: LaneStrategy;
  generation: number;
  reason: string;
  startMs: number;
  endMs: number | null;
  /** Sum over partitions of the seconds each was not consumed while this rebalance ran (or was pending). */
  pausedPartitionSeconds: number;
  /** Messages that piled up on paused partitions: pausedPartitionSeconds x produceRate. */
  lagAccumulated: number;
  /** Partitions that changed owner. */
  moved: number;
}

export interface LaneView {
  strategy: LaneStrategy;
  protocol: 'eager' | 'cooperative';
  generation: number;
  /** The round running now (1 or 2), or null when the group is stable. */
  round: 1 | 2 | null;
  roundEndsAtMs: number | null;
  /** member id -> partitions it owns (a member still in the group but down keeps its partitions, unconsumed). */
  assignment: Record<string, number[]>;
  /** Per partition: consumed this tick or not. */
  consuming: boolean[];
  /** Members in the group that own nothing (more members than partitions, or mid-handover). */
  idle: string[];
  pausedPartitionSeconds: number;
  lagAccumulated: number;
  rebalances: RebalanceRecord[];
}

export interface RebalanceState {
  timeMs: number;
  members: MemberView[];
  lanes: LaneView[];
  /** After every tick: each lane's cumulative paused partition-seconds, in LANE_STRATEGIES order. */
  history: readonly { timeMs: number; paused: readonly number[] }[];
}

export interface RebalanceEvent {
  timeMs: number;
  lane?: LaneStrategy;
  kind: 'join' | 'leave' | 'kill' | 'poll-stall' | 'restart' | 'back' | 'session-timeout' | 'poll-timeout' | 'rebalance-start' | 'round-end' | 'rebalance-end' | 'static-rejoin';
  member?: string;
  detail: string;
}

interface Member {
  id: string;
  static: boolean;
  phase: MemberPhase;
  inGroup: boolean;
  /** session timeout (down), poll timeout (stalled) or restart time. */
  sessionDeadline: number | null;
  pollDeadline: number | null;
  backAt: number | null;
}

interface Lane {
  strategy: LaneStrategy;
  generation: number;
  round: 1 | 2 | null;
  roundEndsAt: number | null;
  /** Assignment the lane's members hold (only members in the group). */
  owned: Assignment;
  /** The cooperative second round's assignment, decided at the end of round 1. */
  pendingRound2: Assignment | null;
  record: RebalanceRecord | null;
  rebalances: RebalanceRecord[];
  paused: number;
}

const nums = (a: Assignment): Record<string, number[]> =>
  Object.fromEntries(Object.entries(a).map(([id, list]) => [id, list.map((tp) => tp.partition).sort((x, y) => x - y)]));

function positive(name: string, v: number, min = 1): void {
  if (!Number.isFinite(v) || v < min) throw new RangeError(`${name} must be a number >= ${min}, got ${v}`);
}

export function createRebalanceEngine(input: Partial<RebalanceConfig> = {}) {
  const config: RebalanceConfig = { ...DEFAULT_REBALANCE_CONFIG, ...input };
  positive('partitions', config.partitions);
  positive('members', config.members, 0);
  positive('tickMs', config.tickMs);
  positive('roundMs', config.roundMs, 0);
  positive('sessionTimeoutMs', config.sessionTimeoutMs);
  positive('maxPollIntervalMs', config.maxPollIntervalMs);
  positive('produceRate', config.produceRate, 0);

  let timeMs = 0;
  const members = new Map<string, Member>();
  const log: RebalanceEvent[] = [];
  const history: { timeMs: number; paused: number[] }[] = [];
  const emit = (out: RebalanceEvent[], e: Omit<RebalanceEvent, 'timeMs'>) => {
    const event = { timeMs, ...e };
    out.push(event);
    log.push(event);
  };

  const groupMembers = (): GroupMember[] =>
    [...members.values()].filter((m) => m.inGroup).map((m) => ({ id: m.id, topics: [TOPIC], ...(m.static ? { instanceId: `instance-${m.id}` } : {}) }));

  const lanes: Lane[] = LANE_STRATEGIES.map((strategy) => ({ strategy, generation: 0, round: null, roundEndsAt: null, owned: {}, pendingRound2: null, record: null, rebalances: [], paused: 0 }));

  for (let i = 1; i <= config.members; i++) {
    const id = `c${i}`;
    members.set(id, { id, static: config.staticMembers, phase: 'active', inGroup: true, sessionDeadline: null, pollDeadline: null, backAt: null });
  }
  // The starting group is already stable: each lane's assignment from an empty start.
  for (const lane of lanes) {
    lane.owned = finalFor(lane.strategy, {});
    lane.generation = 1;
  }

  function finalFor(strategy: LaneStrategy, previous: Assignment): Assignment {
    const ms = groupMembers();
    if (ms.length === 0) return {};
    const ppt = { [TOPIC]: config.partitions };
    return strategy === 'cooperative-sticky' ? cooperativeRebalance(previous, ms, ppt).final : eagerRebalance(strategy, previous, ms, ppt).final;
  }

  function ownerOf(lane: Lane): (string | null)[] {
    const owner: (string | null)[] = new Array(config.partitions).fill(null);
    for (const [id, list] of Object.entries(lane.owned)) for (const tp of list) owner[tp.partition] = id;
    return owner;
  }

  /** Whether partition p is being consumed in this lane right now. */
  function consuming(lane: Lane): boolean[] {
    const owner = ownerOf(lane);
    return owner.map((id) => {
      if (id === null) return false;
      const m = members.get(id);
      if (!m || m.phase !== 'active') return false;
      // Eager: every member gave up everything when the rebalance started.
      if (lane.round !== null && lane.strategy !== 'cooperative-sticky') return false;
      return true;
    });
  }

  function startRebalance(reason: string, out: RebalanceEvent[]): void {
    for (const lane of lanes) {
      if (lane.record !== null) {
        // A change during a rebalance restarts it: same record, new generation, clock restarted.
        lane.record.reason += `; then ${reason}`;
      } else {
        lane.record = { lane: lane.strategy, generation: lane.generation + 1, reason, startMs: timeMs, endMs: null, pausedPartitionSeconds: 0, lagAccumulated: 0, moved: 0 };
        lane.rebalances.push(lane.record);
      }
      if (lane.strategy !== 'cooperative-sticky') {
        // onJoinPrepare under EAGER: revoke everything now.
        lane.round = 1;
      } else {
        lane.round = 1;
        lane.pendingRound2 = null;
      }
      lane.generation++;
      lane.record.generation = lane.generation;
      lane.roundEndsAt = timeMs + config.roundMs;
      emit(out, { lane: lane.strategy, kind: 'rebalance-start', detail: `${lane.strategy}: rebalance to generation ${lane.generation} (${reason})` });
      if (config.roundMs === 0) finishRound(lane, out);
    }
  }

  function moved(before: Assignment, after: Assignment): number {
    const ownerBefore = new Map<number, string>();
    for (const [id, list] of Object.entries(before)) for (const tp of list) ownerBefore.set(tp.partition, id);
    let n = 0;
    for (const [id, list] of Object.entries(after)) for (const tp of list) if (ownerBefore.has(tp.partition) && ownerBefore.get(tp.partition) !== id) n++;
    return n;
  }

  function keepInGroup(a: Assignment): Assignment {
    return Object.fromEntries(Object.entries(a).filter(([id]) => members.get(id)?.inGroup));
  }

  function finishRound(lane: Lane, out: RebalanceEvent[]): void {
    const ppt = { [TOPIC]: config.partitions };
    const ms = groupMembers();
    const previous = keepInGroup(lane.owned);
    if (lane.strategy !== 'cooperative-sticky' || ms.length === 0) {
      const next = ms.length === 0 ? {} : eagerRebalance(lane.strategy === 'cooperative-sticky' ? 'sticky' : lane.strategy, lane.owned, ms, ppt).final;
      lane.record!.moved += moved(lane.owned, next);
      lane.owned = next;
      endRebalance(lane, out);
      return;
    }
    if (lane.round === 1) {
      const coop = cooperativeRebalance(previous, ms, ppt);
      lane.record!.moved += moved(lane.owned, coop.final);
      lane.owned = coop.round1.assignment;
      if (coop.round2 === null) {
        endRebalance(lane, out);
        return;
      }
      lane.pendingRound2 = coop.round2.assignment;
      lane.round = 2;
      lane.roundEndsAt = timeMs + config.roundMs;
      const revoked = Object.values(coop.round1.revoked).reduce((s, l) => s + l.length, 0);
      emit(out, { lane: lane.strategy, kind: 'round-end', detail: `${lane.strategy}: round 1 done; ${revoked} revoked partition(s) wait for round 2` });
      if (config.roundMs === 0) finishRound(lane, out);
      return;
    }
    lane.owned = lane.pendingRound2 ?? lane.owned;
    lane.pendingRound2 = null;
    endRebalance(lane, out);
  }

  function endRebalance(lane: Lane, out: RebalanceEvent[]): void {
    lane.round = null;
    lane.roundEndsAt = null;
    lane.record!.endMs = timeMs;
    const rec = lane.record!;
    lane.record = null;
    const view = nums(lane.owned);
    emit(out, {
      lane: lane.strategy,
      kind: 'rebalance-end',
      detail: `${lane.strategy}: generation ${lane.generation}: ${Object.entries(view).map(([id, ps]) => `${id}=[${ps.join(',')}]`).join(' ') || 'no members'}; ${rec.moved} moved`,
    });
  }

  function removeFromGroup(m: Member, why: string, out: RebalanceEvent[]): void {
    m.inGroup = false;
    for (const lane of lanes) delete lane.owned[m.id];
    startRebalance(why, out);
  }

  function need(id: string): Member {
    const m = members.get(id);
    if (!m) throw new RangeError(`no member ${id}`);
    return m;
  }

  function act(a: RebalanceAction): RebalanceEvent[] {
    const out: RebalanceEvent[] = [];
    switch (a.kind) {
      case 'join': {
        const existing = members.get(a.member);
        if (existing && existing.phase !== 'gone') throw new RangeError(`member ${a.member} is already in the group`);
        members.set(a.member, { id: a.member, static: config.staticMembers, phase: 'active', inGroup: true, sessionDeadline: null, pollDeadline: null, backAt: null });
        emit(out, { kind: 'join', member: a.member, detail: `${a.member} sends JoinGroup` });
        startRebalance(`${a.member} joined`, out);
        break;
      }
      case 'leave': {
        const m = need(a.member);
        if (m.phase === 'gone') throw new RangeError(`member ${a.member} has already left`);
        if (m.static) {
          // KIP-345: a static member does not send LeaveGroup; the coordinator waits for the session timeout.
          m.phase = 'down';
          m.sessionDeadline = timeMs + config.sessionTimeoutMs;
          emit(out, { kind: 'leave', member: a.member, detail: `${a.member} shuts down; as a static member it sends no LeaveGroup, so nothing happens until its session times out` });
        } else {
          m.phase = 'gone';
          emit(out, { kind: 'leave', member: a.member, detail: `${a.member} sends LeaveGroup` });
          removeFromGroup(m, `${a.member} left`, out);
        }
        break;
      }
      case 'kill': {
        const m = need(a.member);
        if (m.phase !== 'active' && m.phase !== 'stalled') throw new RangeError(`member ${a.member} is not running`);
        m.phase = 'down';
        m.sessionDeadline = timeMs + config.sessionTimeoutMs;
        emit(out, { kind: 'kill', member: a.member, detail: `${a.member} dies without a LeaveGroup: its partitions stop until the session times out` });
        break;
      }
      case 'poll-stall': {
        const m = need(a.member);
        if (m.phase !== 'active') throw new RangeError(`member ${a.member} is not active`);
        m.phase = 'stalled';
        m.pollDeadline = timeMs + config.maxPollIntervalMs;
        emit(out, { kind: 'poll-stall', member: a.member, detail: `${a.member} stops calling poll() (heartbeats continue); it leaves when max.poll.interval.ms expires` });
        break;
      }
      case 'restart': {
        const m = need(a.member);
        if (m.phase !== 'active') throw new RangeError(`member ${a.member} is not active`);
        positive('downtimeMs', a.downtimeMs, 0);
        m.phase = 'down';
        m.sessionDeadline = timeMs + config.sessionTimeoutMs;
        m.backAt = timeMs + a.downtimeMs;
        emit(out, { kind: 'restart', member: a.member, detail: `${a.member} restarts (down ${a.downtimeMs / 1000} s)` });
        if (!m.static) {
          // A dynamic member's clean shutdown sends LeaveGroup: the group rebalances now, and again when it returns.
          m.inGroup = false;
          m.sessionDeadline = null;
          removeFromGroup(m, `${a.member} left for a restart`, out);
        }
        break;
      }
    }
    return out;
  }

  function tick(): RebalanceEvent[] {
    const out: RebalanceEvent[] = [];
    // The tick about to pass runs in the state the last tick and actions left: account it first.
    account();
    timeMs += config.tickMs;
    for (const m of [...members.values()].sort((a, b) => (a.id < b.id ? -1 : 1))) {
      if (m.backAt !== null && timeMs >= m.backAt) {
        m.backAt = null;
        m.phase = 'active';
        if (m.inGroup) {
          // KIP-345: the same group.instance.id within the session timeout gets its old assignment back.
          m.sessionDeadline = null;
          emit(out, { kind: 'static-rejoin', member: m.id, detail: `${m.id} is back with the same group.instance.id: no rebalance, it resumes its partitions` });
        } else {
          m.inGroup = true;
          emit(out, { kind: 'back', member: m.id, detail: `${m.id} is back and sends JoinGroup` });
          startRebalance(`${m.id} rejoined`, out);
        }
      }
      if (m.phase === 'down' && m.inGroup && m.sessionDeadline !== null && timeMs >= m.sessionDeadline) {
        m.sessionDeadline = null;
        if (m.backAt === null) m.phase = 'gone';
        emit(out, { kind: 'session-timeout', member: m.id, detail: `${m.id} missed heartbeats for session.timeout.ms (${config.sessionTimeoutMs / 1000} s): removed` });
        removeFromGroup(m, `${m.id} timed out`, out);
      }
      if (m.phase === 'stalled' && m.pollDeadline !== null && timeMs >= m.pollDeadline) {
        m.pollDeadline = null;
        m.phase = 'gone';
        emit(out, { kind: 'poll-timeout', member: m.id, detail: `${m.id} exceeded max.poll.interval.ms (${config.maxPollIntervalMs / 1000} s): it leaves the group` });
        removeFromGroup(m, `${m.id} poll timeout`, out);
      }
    }
    for (const lane of lanes) if (lane.round !== null && lane.roundEndsAt !== null && timeMs >= lane.roundEndsAt) finishRound(lane, out);
    history.push({ timeMs, paused: lanes.map((l) => l.paused) });
    return out;
  }

  /** Adds one tick of unconsumed partitions to each lane's pause meter. */
  function account(): void {
    for (const lane of lanes) {
      const idleParts = consuming(lane).filter((c) => !c).length;
      const seconds = (idleParts * config.tickMs) / 1000;
      lane.paused += seconds;
      // A rebalance's own cost: what was not consumed while it ran. Pauses outside one (a dead member's
      // partitions before its session times out, a static member's restart) count in the lane's total only.
      const rec = lane.record;
      if (rec && seconds > 0) {
        rec.pausedPartitionSeconds += seconds;
        rec.lagAccumulated = rec.pausedPartitionSeconds * config.produceRate;
      }
    }
  }

  function state(): RebalanceState {
    return {
      timeMs,
      members: [...members.values()]
        .sort((a, b) => (a.id < b.id ? -1 : 1))
        .map((m) => ({ id: m.id, static: m.static, phase: m.phase, inGroup: m.inGroup, deadlineMs: m.backAt ?? m.sessionDeadline ?? m.pollDeadline })),
      lanes: lanes.map((lane) => {
        const owned = nums(lane.owned);
        const inGroup = [...members.values()].filter((m) => m.inGroup).map((m) => m.id);
        return {
          strategy: lane.strategy,
          protocol: lane.strategy === 'cooperative-sticky' ? 'cooperative' : 'eager',
          generation: lane.generation,
          round: lane.round,
          roundEndsAtMs: lane.roundEndsAt,
          assignment: owned,
          consuming: consuming(lane),
          idle: inGroup.filter((id) => (owned[id] ?? []).length === 0).sort(),
          pausedPartitionSeconds: lane.paused,
          lagAccumulated: lane.paused * config.produceRate,
          rebalances: lane.rebalances.map((r) => ({ ...r })),
        };
      }),
      history: [...history],
    };
  }

  return { config, tick, act, state, events: () => log };
}

export const rebalanceModel: TickModel<Partial<RebalanceConfig>, RebalanceState, RebalanceEvent, RebalanceAction> = {
  tickMs: (c) => c.tickMs ?? DEFAULT_REBALANCE_CONFIG.tickMs,
  create(config) {
    const engine = createRebalanceEngine(config);
    return { initial: [], tick: engine.tick, act: engine.act, state: engine.state };
  },
};
