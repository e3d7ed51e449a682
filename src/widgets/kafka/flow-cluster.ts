/**
 * Brokers, replica placement, replication, the ISR and leader election for one topic, following Kafka's
 * broker code:
 * - placement: server-common/.../admin/AdminUtils.java assignReplicasToBrokersRackUnaware and replicaIndex
 *   (the rack-unaware default; adding partitions continues it from partition 0's first replica as
 *   AdminZkClient.createNewPartitionsAssignment does). KRaft controllers place new topics with
 *   StripedReplicaPlacer instead, which this model does not transliterate.
 * - replication: core/.../cluster/Partition.scala and Replica.scala: a follower's fetch offset is its log end
 *   offset (LEO); the leader's high watermark (HW) is the smallest LEO in the ISR and never goes down;
 *   lastCaughtUpTimeMs moves as Replica.updateFetchState moves it; the isr-expiration task runs every
 *   replica.lag.time.max.ms / 2 and drops followers that are not caught up within replica.lag.time.max.ms;
 *   a follower joins the ISR once its LEO reaches the HW and the leader epoch's start offset.
 * - election: the first replica in assignment order that is alive and in the ISR (clean); with
 *   unclean.leader.election.enable the first alive replica when no ISR member is; otherwise the partition has no
 *   leader and keeps its last ISR member. A new leader keeps its whole log; a follower truncates to where its log
 *   diverges from the leader's (what leader-epoch truncation achieves, since record ids are unique here).
 * Simplified: a failed broker is detected at once (no broker.session.timeout.ms) and a follower copies all
 * the leader has in one fetch.
 */
import type { RecordStore } from './flow-records.ts';
import type { FlowEvent, PartitionView, BrokerView, ProduceError, Acks } from './flow-types.ts';

/**
 * AdminUtils.assignReplicasToBrokersRackUnaware. `brokerList` in the order Kafka passes it (sorted by id).
 * `random(n)` stands in for RAND.nextInt(n) and is called only when fixedStartIndex < 0, twice, as in Java.
 * Returns the replicas of partitions max(0, startPartitionId), max(0, startPartitionId) + 1, ...
 */
export function assignReplicasRackUnaware(
  nPartitions: number,
  replicationFactor: number,
  brokerList: readonly number[],
  fixedStartIndex = -1,
  startPartitionId = -1,
  random: (n: number) => number = (n) => Math.floor(Math.random() * n),
): number[][] {
  if (nPartitions <= 0) throw new RangeError('Number of partitions must be larger than 0.');
  if (replicationFactor <= 0) throw new RangeError('Replication factor must be larger than 0.');
  if (replicationFactor > brokerList.length) {
    throw new RangeError(`Replication factor: ${replicationFactor} larger than available brokers: ${brokerList.length}.`);
  }
  const n = brokerList.length;
  const startIndex = fixedStartIndex >= 0 ? fixedStartIndex : random(n);
  let currentPartitionId = Math.max(0, startPartitionId);
  let nextReplicaShift = fixedStartIndex >= 0 ? fixedStartIndex : random(n);
  const out: number[][] = [];
  for (let i = 0; i < nPartitions; i++) {
    if (currentPartitionId > 0 && currentPartitionId % n === 0) nextReplicaShift += 1;
    const firstReplicaIndex = (currentPartitionId + startIndex) % n;
    const replicas = [brokerList[firstReplicaIndex]!];
    for (let j = 0; j < replicationFactor - 1; j++) replicas.push(brokerList[replicaIndex(firstReplicaIndex, nextReplicaShift, j, n)]!);
    out.push(replicas);
    currentPartitionId += 1;
  }
  return out;
}

/** AdminUtils.replicaIndex. */
export function replicaIndex(firstReplicaIndex: number, secondReplicaShift: number, index: number, nBrokers: number): number {
  const shift = 1 + ((secondReplicaShift + index) % (nBrokers - 1));
  return (firstReplicaIndex + shift) % nBrokers;
}

/** The leader's view of one follower (Replica.scala's ReplicaState). */
interface FollowerState {
  /** -1 until the follower fetches from this leader (an unknown LEO holds the HW back). */
  fetchOffset: number;
  lastCaughtUpMs: number;
  lastFetchMs: number;
  lastFetchLeaderLeo: number;
  nextFetchMs: number;
}

interface PartitionState {
  id: number;
  replicas: number[];
  leader: number | null;
  epoch: number;
  isr: number[];
  logs: Map<number, number[]>;
  hws: Map<number, number>;
  followers: Map<number, FollowerState>;
  /** Replicas whose log may have diverged from the leader's (after a leader change or a restart). */
  unverified: Set<number>;
  epochStartOffset: number;
  /** acks=all records awaiting the HW, in offset order. */
  pending: number[];
  /** Records appended and not lost, for the loss check at each election. */
  live: number[];
}

export interface ClusterOptions {
  brokers: number;
  partitions: number;
  replicationFactor: number;
  minInsyncReplicas: number;
  uncleanLeaderElection: boolean;
  replicaLagTimeMaxMs: number;
  replicaFetchIntervalMs: number;
  replicaStartIndex?: number;
  random: (n: number) => number;
}

export const MAX_PARTITIONS = 12;

export class Cluster {
  readonly brokerIds: number[];
  private readonly alive = new Map<number, boolean>();
  private readonly stalled = new Map<number, boolean>();
  private parts: PartitionState[] = [];
  minInsyncReplicas: number;
  private nextIsrCheckMs = 0;

  constructor(
    private readonly opts: ClusterOptions,
    private readonly records: RecordStore,
  ) {
    this.brokerIds = Array.from({ length: opts.brokers }, (_, i) => i + 1);
    for (const b of this.brokerIds) {
      this.alive.set(b, true);
      this.stalled.set(b, false);
    }
    this.minInsyncReplicas = opts.minInsyncReplicas;
    const start = opts.replicaStartIndex ?? -1;
    const assignment = assignReplicasRackUnaware(opts.partitions, opts.replicationFactor, this.brokerIds, start, -1, opts.random);
    assignment.forEach((replicas, id) => this.parts.push(this.newPartition(id, replicas, 0)));
  }

  private newPartition(id: number, replicas: number[], now: number): PartitionState {
    const followers = new Map<number, FollowerState>();
    for (const b of replicas.slice(1)) followers.set(b, { fetchOffset: 0, lastCaughtUpMs: now, lastFetchMs: now, lastFetchLeaderLeo: 0, nextFetchMs: now });
    return {
      id,
      replicas,
      leader: replicas[0]!,
      epoch: 0,
      isr: [...replicas],
      logs: new Map(replicas.map((b) => [b, []])),
      hws: new Map(replicas.map((b) => [b, 0])),
      followers,
      unverified: new Set(),
      epochStartOffset: 0,
      pending: [],
      live: [],
    };
  }

  get partitionCount(): number {
    return this.parts.length;
  }

  assignment(): number[][] {
    return this.parts.map((p) => [...p.replicas]);
  }

  isAlive(b: number): boolean {
    return this.alive.get(b) === true;
  }

  /** Partitions with a leader, in id order (what Cluster.availablePartitionsForTopic gives the partitioner). */
  availablePartitions(): number[] {
    return this.parts.filter((p) => p.leader !== null).map((p) => p.id);
  }

  /** The leader's log and HW, what a consumer fetch reads; null when the partition has no leader. */
  readable(partition: number): { log: readonly number[]; hw: number } | null {
    const p = this.parts[partition]!;
    if (p.leader === null) return null;
    return { log: p.logs.get(p.leader)!, hw: p.hws.get(p.leader)! };
  }

  highWatermark(partition: number): number {
    const p = this.parts[partition]!;
    return p.leader === null ? 0 : p.hws.get(p.leader)!;
  }

  /**
   * Partition.appendRecordsToLeader for one record already in the store: fails without a leader, or with
   * acks=all when the ISR is smaller than min.insync.replicas; otherwise appends at the leader's LEO.
   */
  append(id: number, acks: Acks, now: number, events: FlowEvent[]): void {
    const r = this.records.get(id);
    const p = this.parts[r.partition]!;
    const fail = (error: ProduceError) => this.records.update(id, { status: 'failed', error, answeredAtMs: now });
    if (p.leader === null) return void fail('LEADER_NOT_AVAILABLE');
    if (acks === 'all' && p.isr.length < this.minInsyncReplicas) return void fail('NOT_ENOUGH_REPLICAS');
    const log = p.logs.get(p.leader)!;
    const offset = log.length;
    log.push(id);
    p.live.push(id);
    this.records.update(id, {
      offset,
      epoch: p.epoch,
      appendedBy: p.leader,
      replicas: [p.leader],
      status: acks === 'all' ? 'pending' : acks === '1' ? 'acked' : 'sent',
      answeredAtMs: acks === '1' ? now : null,
    });
    if (acks === 'all') p.pending.push(id);
    this.maybeIncrementHw(p, now, events);
  }

  /** Partition.maybeIncrementLeaderHW, then the acks=all completions it allows (checkEnoughReplicasReachOffset). */
  private maybeIncrementHw(p: PartitionState, now: number, _events: FlowEvent[]): void {
    if (p.leader === null) return;
    let hw = p.logs.get(p.leader)!.length;
    for (const b of p.isr) if (b !== p.leader) hw = Math.min(hw, p.followers.get(b)!.fetchOffset);
    if (hw > p.hws.get(p.leader)!) p.hws.set(p.leader, hw);
    const leaderHw = p.hws.get(p.leader)!;
    while (p.pending.length > 0) {
      const r = this.records.get(p.pending[0]!);
      if (r.offset === null || r.offset >= leaderHw) break;
      p.pending.shift();
      if (p.isr.length >= this.minInsyncReplicas) this.records.update(r.id, { status: 'acked', answeredAtMs: now });
      else this.records.update(r.id, { status: 'failed', error: 'NOT_ENOUGH_REPLICAS_AFTER_APPEND', answeredAtMs: now });
    }
  }

  /** One round of follower fetches (those due), then the isr-expiration task when it is due. */
  replicate(now: number, events: FlowEvent[]): void {
    for (const p of this.parts) {
      if (p.leader === null) continue;
      for (const b of p.replicas) {
        if (b === p.leader || !this.isAlive(b) || this.stalled.get(b)) continue;
        const fs = p.followers.get(b)!;
        if (now < fs.nextFetchMs) continue;
        this.fetch(p, b, fs, now, events);
      }
    }
    if (now >= this.nextIsrCheckMs) {
      this.nextIsrCheckMs = now + Math.max(1, Math.floor(this.opts.replicaLagTimeMaxMs / 2));
      this.shrinkIsr(now, events);
    }
  }

  private fetch(p: PartitionState, b: number, fs: FollowerState, now: number, events: FlowEvent[]): void {
    const leader = p.leader!;
    const leaderLog = p.logs.get(leader)!;
    const log = p.logs.get(b)!;
    if (p.unverified.has(b)) {
      p.unverified.delete(b);
      let common = 0;
      while (common < log.length && common < leaderLog.length && log[common] === leaderLog[common]) common++;
      if (common < log.length) {
        const removed = log.splice(common);
        for (const id of removed) this.records.removeReplica(id, b);
        p.hws.set(b, Math.min(p.hws.get(b)!, common));
        events.push({ kind: 'truncated', partition: p.id, broker: b, toOffset: common, removed });
      }
    }
    const fetchOffset = log.length;
    const leaderEnd = leaderLog.length;
    // Replica.updateFetchState
    if (fetchOffset >= leaderEnd) fs.lastCaughtUpMs = now;
    else if (fetchOffset >= fs.lastFetchLeaderLeo) fs.lastCaughtUpMs = fs.lastFetchMs;
    fs.lastFetchLeaderLeo = leaderEnd;
    fs.lastFetchMs = now;
    fs.fetchOffset = fetchOffset;
    fs.nextFetchMs = now + this.opts.replicaFetchIntervalMs;
    // Partition.maybeExpandIsr
    if (!p.isr.includes(b) && fetchOffset >= p.hws.get(leader)! && fetchOffset >= p.epochStartOffset) {
      p.isr.push(b);
      events.push({ kind: 'isr-expand', partition: p.id, broker: b, isr: [...p.isr] });
    }
    this.maybeIncrementHw(p, now, events);
    for (let i = fetchOffset; i < leaderEnd; i++) {
      log.push(leaderLog[i]!);
      this.records.addReplica(leaderLog[i]!, b);
    }
    p.hws.set(b, Math.min(p.hws.get(leader)!, log.length));
  }

  /** Partition.maybeShrinkIsr / getOutOfSyncReplicas: a follower is caught up if its LEO is the leader's or it caught up within the lag time. */
  private shrinkIsr(now: number, events: FlowEvent[]): void {
    for (const p of this.parts) {
      if (p.leader === null) continue;
      const leaderEnd = p.logs.get(p.leader)!.length;
      const out = p.isr.filter((b) => {
        if (b === p.leader) return false;
        const fs = p.followers.get(b)!;
        const caughtUp = fs.fetchOffset === leaderEnd || now - fs.lastCaughtUpMs <= this.opts.replicaLagTimeMaxMs;
        return !caughtUp;
      });
      for (const b of out) {
        p.isr = p.isr.filter((x) => x !== b);
        events.push({ kind: 'isr-shrink', partition: p.id, broker: b, reason: 'lag', isr: [...p.isr] });
      }
      if (out.length > 0) this.maybeIncrementHw(p, now, events);
    }
  }

  private becomeLeader(p: PartitionState, b: number, now: number, unclean: boolean, events: FlowEvent[]): void {
    const previous = p.leader;
    for (const id of p.pending) this.records.update(id, { status: 'failed', error: 'NOT_LEADER_OR_FOLLOWER', answeredAtMs: now });
    p.pending = [];
    p.leader = b;
    p.epoch += 1;
    const log = p.logs.get(b)!;
    p.epochStartOffset = log.length;
    // Partition.makeLeader: remote replica states are reset; ISR members count as caught up now.
    p.followers = new Map();
    for (const f of p.replicas) {
      if (f === b) continue;
      p.followers.set(f, { fetchOffset: -1, lastCaughtUpMs: p.isr.includes(f) ? now : 0, lastFetchMs: now, lastFetchLeaderLeo: log.length, nextFetchMs: now });
      p.unverified.add(f);
    }
    events.push({ kind: 'leader-elected', partition: p.id, leader: b, previous, epoch: p.epoch, unclean });
    // Whatever the new leader's log lacks is gone: followers will truncate it away.
    const lost: number[] = [];
    p.live = p.live.filter((id) => {
      const r = this.records.get(id);
      if (r.offset !== null && log[r.offset] === id) return true;
      lost.push(id);
      return false;
    });
    if (lost.length > 0) {
      let acked = 0;
      for (const id of lost) {
        const r = this.records.update(id, { lost: true, lostAtMs: now });
        if (r.status === 'acked' || r.status === 'sent') acked++;
      }
      events.push({ kind: 'records-lost', partition: p.id, recordIds: lost, acked });
    }
    this.maybeIncrementHw(p, now, events);
  }

  private goOffline(p: PartitionState, now: number, events: FlowEvent[]): void {
    for (const id of p.pending) this.records.update(id, { status: 'failed', error: 'NOT_LEADER_OR_FOLLOWER', answeredAtMs: now });
    p.pending = [];
    p.leader = null;
    events.push({ kind: 'partition-offline', partition: p.id });
  }

  /** Elect from the ISR (assignment order), or uncleanly from any alive replica when allowed; false if none. */
  private elect(p: PartitionState, now: number, events: FlowEvent[]): boolean {
    const clean = p.replicas.find((b) => this.isAlive(b) && p.isr.includes(b));
    if (clean !== undefined) {
      this.becomeLeader(p, clean, now, false, events);
      return true;
    }
    if (this.opts.uncleanLeaderElection) {
      const any = p.replicas.find((b) => this.isAlive(b));
      if (any !== undefined) {
        p.isr = [any];
        this.becomeLeader(p, any, now, true, events);
        return true;
      }
    }
    return false;
  }

  brokerDown(b: number, now: number, events: FlowEvent[]): void {
    this.alive.set(b, false);
    events.push({ kind: 'broker-down', broker: b });
    for (const p of this.parts) {
      if (!p.replicas.includes(b)) continue;
      if (p.leader === b) {
        const rest = p.isr.filter((x) => x !== b);
        const keep = p.isr;
        p.isr = rest;
        if (!this.elect(p, now, events)) {
          p.isr = keep; // the ISR keeps its last member, so only it may lead again (cleanly)
          this.goOffline(p, now, events);
        } else if (rest.length > 0 && keep.length !== p.isr.length) {
          events.push({ kind: 'isr-shrink', partition: p.id, broker: b, reason: 'broker-down', isr: [...p.isr] });
        }
      } else if (p.isr.includes(b) && p.isr.length > 1) {
        p.isr = p.isr.filter((x) => x !== b);
        events.push({ kind: 'isr-shrink', partition: p.id, broker: b, reason: 'broker-down', isr: [...p.isr] });
        this.maybeIncrementHw(p, now, events);
      }
    }
  }

  brokerUp(b: number, now: number, events: FlowEvent[]): void {
    this.alive.set(b, true);
    events.push({ kind: 'broker-up', broker: b });
    for (const p of this.parts) {
      if (!p.replicas.includes(b)) continue;
      p.unverified.add(b);
      const fs = p.followers.get(b);
      if (fs) fs.nextFetchMs = now;
      if (p.leader === null) this.elect(p, now, events);
    }
  }

  setStalled(b: number, stalled: boolean, events: FlowEvent[]): void {
    this.stalled.set(b, stalled);
    events.push({ kind: 'broker-stalled', broker: b, stalled });
  }

  preferredElection(now: number, events: FlowEvent[]): void {
    for (const p of this.parts) {
      const preferred = p.replicas[0]!;
      if (p.leader !== preferred && this.isAlive(preferred) && p.isr.includes(preferred)) this.becomeLeader(p, preferred, now, false, events);
    }
  }

  /** CreatePartitions to a new total; returns the reason when Kafka (or the model's limit) refuses. */
  addPartitions(count: number, now: number, events: FlowEvent[]): string | null {
    const from = this.parts.length;
    if (!Number.isInteger(count)) return `partition count must be an integer, got ${count}`;
    if (count === from) return `Topic already has ${from} partitions.`;
    if (count < from) return `Topic currently has ${from} partitions, which is higher than the requested ${count}.`;
    if (count > MAX_PARTITIONS) return `the simulator has at most ${MAX_PARTITIONS} partitions`;
    const aliveBrokers = this.brokerIds.filter((b) => this.isAlive(b));
    if (this.opts.replicationFactor > aliveBrokers.length) {
      return `Replication factor: ${this.opts.replicationFactor} larger than available brokers: ${aliveBrokers.length}.`;
    }
    const first = this.parts[0]!.replicas[0]!;
    const startIndex = Math.max(0, aliveBrokers.findIndex((b) => b >= first));
    const added = assignReplicasRackUnaware(count - from, this.opts.replicationFactor, aliveBrokers, startIndex, from);
    added.forEach((replicas, i) => this.parts.push(this.newPartition(from + i, replicas, now)));
    events.push({ kind: 'partitions-added', from, to: count, assignment: added });
    return null;
  }

  brokerViews(): BrokerView[] {
    return this.brokerIds.map((id) => ({
      id,
      alive: this.isAlive(id),
      stalled: this.stalled.get(id) === true,
      leaderOf: this.parts.filter((p) => p.leader === id).map((p) => p.id),
    }));
  }

  partitionViews(): PartitionView[] {
    return this.parts.map((p) => {
      const leaderLog = p.leader === null ? null : p.logs.get(p.leader)!;
      return {
        id: p.id,
        replicas: [...p.replicas],
        leader: p.leader,
        epoch: p.epoch,
        isr: [...p.isr],
        hw: p.leader === null ? 0 : p.hws.get(p.leader)!,
        leo: leaderLog === null ? 0 : leaderLog.length,
        available: p.leader !== null,
        underMinIsr: p.isr.length < this.minInsyncReplicas,
        replicaStates: p.replicas.map((b) => {
          const fs = b === p.leader ? undefined : p.followers.get(b);
          const log = p.logs.get(b)!;
          return {
            broker: b,
            alive: this.isAlive(b),
            leo: log.length,
            hw: p.hws.get(b)!,
            inIsr: p.isr.includes(b),
            log: log.slice(),
            fetchOffset: fs ? fs.fetchOffset : null,
            lastCaughtUpMs: fs ? fs.lastCaughtUpMs : null,
          };
        }),
      };
    });
  }
}
