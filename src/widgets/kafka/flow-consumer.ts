/**
 * The consumer group of the flow model. Members poll on an interval and read only below the partition leader's
 * high watermark; the group assigns with the shared rangeAssign (eager: every member gives up its partitions at
 * each rebalance). Commits follow the Java consumer:
 * - enable.auto.commit: poll() first commits the positions of the records returned by earlier polls once
 *   auto.commit.interval.ms has passed (ConsumerCoordinator.maybeAutoCommitOffsetsAsync), so a member that
 *   crashes after processing a batch and before its next auto-commit has that batch redelivered to the next owner;
 * - manual: commitSync of the positions after processing every `manualCommitEvery` polls.
 * Members that leave cleanly, and members that lose partitions in a rebalance, commit first (the auto-commit in
 * onJoinPrepare, or the application's commit in onPartitionsRevoked). A crashed member commits nothing and keeps
 * its partitions until session.timeout.ms passes. Simplified: a rebalance completes at once.
 */
import { rangeAssign } from './assignors.ts';
import type { Cluster } from './flow-cluster.ts';
import type { RecordStore } from './flow-records.ts';
import type { FlowEvent, GroupView, OrderingViolation, ResolvedFlowConfig } from './flow-types.ts';

export const FLOW_TOPIC = 'flow';

interface Member {
  id: string;
  status: 'active' | 'crashed';
  crashedAtMs: number | null;
  assigned: number[];
  positions: Map<number, number>;
  nextPollMs: number;
  pollsSinceCommit: number;
  /** Rotates which assigned partition a poll reads first, as the fetcher rotates partitions. */
  rotate: number;
  delivered: number;
  /** The consumer's own auto-commit timer (nextAutoCommitTimer), from when it joined. */
  lastAutoCommitMs: number;
}

export class ConsumerGroup {
  private members: Member[] = [];
  private readonly departed: string[] = [];
  private generation = 0;
  private committed: (number | null)[] = [];
  private lastCommitMs: number | null = null;
  /** Highest record id delivered (first delivery) per key, for the ordering check. */
  private readonly lastByKey = new Map<string, number>();
  readonly violations: OrderingViolation[] = [];
  deliveries = 0;
  duplicates = 0;

  constructor(
    private readonly cfg: ResolvedFlowConfig,
    private readonly cluster: Cluster,
    private readonly records: RecordStore,
  ) {
    this.committed = new Array<number | null>(cluster.partitionCount).fill(null);
  }

  has(id: string): boolean {
    return this.members.some((m) => m.id === id);
  }

  isActive(id: string): boolean {
    return this.members.some((m) => m.id === id && m.status === 'active');
  }

  join(id: string, now: number, events: FlowEvent[], rebalance = true): void {
    this.members.push({ id, status: 'active', crashedAtMs: null, assigned: [], positions: new Map(), nextPollMs: now + this.cfg.pollIntervalMs, pollsSinceCommit: 0, rotate: 0, delivered: 0, lastAutoCommitMs: now });
    events.push({ kind: 'member-joined', member: id });
    if (rebalance) this.rebalance(now, events);
  }

  /** The group's first generation, once the initial members have joined. */
  start(now: number, events: FlowEvent[]): void {
    this.rebalance(now, events);
  }

  leave(id: string, now: number, events: FlowEvent[]): void {
    const m = this.members.find((x) => x.id === id)!;
    this.commit(m, now, this.cfg.autoCommit, events);
    this.members = this.members.filter((x) => x !== m);
    this.departed.push(id);
    events.push({ kind: 'member-left', member: id });
    this.rebalance(now, events);
  }

  crash(id: string, now: number, events: FlowEvent[]): void {
    const m = this.members.find((x) => x.id === id)!;
    m.status = 'crashed';
    m.crashedAtMs = now;
    events.push({ kind: 'member-crashed', member: id });
  }

  /** The topic grew: members' metadata shows it and the group rebalances. */
  partitionsChanged(now: number, events: FlowEvent[]): void {
    while (this.committed.length < this.cluster.partitionCount) this.committed.push(null);
    this.rebalance(now, events);
  }

  private commit(m: Member, now: number, auto: boolean, events: FlowEvent[]): void {
    const offsets: Record<number, number> = {};
    let any = false;
    for (const p of m.assigned) {
      const pos = m.positions.get(p)!;
      if (this.committed[p] !== pos) any = true;
      this.committed[p] = pos;
      offsets[p] = pos;
    }
    m.pollsSinceCommit = 0;
    this.lastCommitMs = now;
    if (any) events.push({ kind: 'commit', member: m.id, offsets, auto });
  }

  private rebalance(now: number, events: FlowEvent[]): void {
    // Eager protocol: everyone still alive commits and revokes before the new assignment.
    for (const m of this.members) if (m.status === 'active') this.commit(m, now, this.cfg.autoCommit, events);
    this.generation += 1;
    const result =
      this.members.length === 0
        ? {}
        : rangeAssign(
            this.members.map((m) => ({ id: m.id, topics: [FLOW_TOPIC] })),
            { [FLOW_TOPIC]: this.cluster.partitionCount },
          );
    const assignment: Record<string, number[]> = {};
    for (const m of this.members) {
      m.assigned = (result[m.id] ?? []).map((tp) => tp.partition).sort((a, b) => a - b);
      m.positions = new Map(m.assigned.map((p) => [p, this.startOffset(p)]));
      assignment[m.id] = [...m.assigned];
    }
    events.push({ kind: 'rebalance', generation: this.generation, assignment });
  }

  /** The committed offset, or auto.offset.reset: earliest is 0 (nothing is deleted here), latest is the HW. */
  private startOffset(p: number): number {
    const c = this.committed[p];
    if (c !== null && c !== undefined) return c;
    return this.cfg.autoOffsetReset === 'earliest' ? 0 : this.cluster.highWatermark(p);
  }

  tick(now: number, events: FlowEvent[]): void {
    for (const m of [...this.members]) {
      if (m.status === 'crashed' && now - m.crashedAtMs! >= this.cfg.sessionTimeoutMs) {
        this.members = this.members.filter((x) => x !== m);
        this.departed.push(m.id);
        events.push({ kind: 'member-removed', member: m.id, reason: 'session-timeout' });
        this.rebalance(now, events);
      }
    }
    for (const m of this.members) {
      if (m.status !== 'active' || now < m.nextPollMs) continue;
      m.nextPollMs += this.cfg.pollIntervalMs;
      this.poll(m, now, events);
    }
  }

  private poll(m: Member, now: number, events: FlowEvent[]): void {
    if (this.cfg.autoCommit && now - m.lastAutoCommitMs >= this.cfg.autoCommitIntervalMs) {
      this.commit(m, now, true, events);
      m.lastAutoCommitMs = now;
    }
    let budget = this.cfg.maxPollRecords;
    const n = m.assigned.length;
    for (let k = 0; k < n && budget > 0; k++) {
      const p = m.assigned[(k + m.rotate) % n]!;
      const leader = this.cluster.readable(p);
      if (leader === null) continue; // no leader: this partition's consumption stalls
      let pos = m.positions.get(p)!;
      if (pos > leader.log.length) {
        // OFFSET_OUT_OF_RANGE (after an unclean election truncated below the position): auto.offset.reset applies.
        const to = this.cfg.autoOffsetReset === 'earliest' ? 0 : leader.hw;
        events.push({ kind: 'offset-reset', member: m.id, partition: p, from: pos, to });
        pos = to;
      }
      const redelivered: number[] = [];
      while (pos < leader.hw && budget > 0) {
        const id = leader.log[pos]!;
        if (this.deliver(m, id, now, events)) redelivered.push(id);
        pos++;
        budget--;
      }
      m.positions.set(p, pos);
      if (redelivered.length > 0) events.push({ kind: 'redelivered', member: m.id, partition: p, recordIds: redelivered });
    }
    m.rotate = n === 0 ? 0 : (m.rotate + 1) % n;
    if (!this.cfg.autoCommit) {
      m.pollsSinceCommit++;
      if (m.pollsSinceCommit >= this.cfg.manualCommitEvery) this.commit(m, now, false, events);
    }
  }

  /** Records one delivery; returns true when it is a redelivery. */
  private deliver(m: Member, id: number, now: number, events: FlowEvent[]): boolean {
    const r = this.records.get(id);
    const duplicate = r.deliveries.length > 0;
    let orderingViolation = r.orderingViolation;
    if (!duplicate && r.key !== null) {
      const last = this.lastByKey.get(r.key);
      if (last !== undefined && last > id) {
        orderingViolation = true;
        const after = this.records.get(last);
        this.violations.push({ key: r.key, recordId: id, afterRecordId: last, partition: r.partition, afterPartition: after.partition, atMs: now });
        events.push({ kind: 'ordering-violation', key: r.key, recordId: id, afterRecordId: last });
      } else this.lastByKey.set(r.key, id);
    }
    this.records.update(id, { deliveries: [...r.deliveries, { member: m.id, atMs: now, generation: this.generation, duplicate }], orderingViolation });
    m.delivered++;
    this.deliveries++;
    if (duplicate) this.duplicates++;
    return duplicate;
  }

  view(): GroupView {
    const owner = new Array<string | null>(this.cluster.partitionCount).fill(null);
    for (const m of this.members) for (const p of m.assigned) owner[p] = m.id;
    return {
      generation: this.generation,
      members: this.members.map((m) => ({
        id: m.id,
        status: m.status,
        crashedAtMs: m.crashedAtMs,
        assigned: [...m.assigned],
        positions: Object.fromEntries(m.positions),
        nextPollMs: m.nextPollMs,
        delivered: m.delivered,
      })),
      departed: [...this.departed],
      committed: [...this.committed],
      owner,
      lag: this.committed.map((c, p) => (this.cluster.readable(p) === null ? null : Math.max(0, this.cluster.highWatermark(p) - (c ?? 0)))),
      lastCommitMs: this.lastCommitMs,
    };
  }
}
