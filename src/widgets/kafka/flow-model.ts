/**
 * The Kafka Message Flow simulation as a kit TickModel: producers, a replicated topic on a few brokers and a
 * consumer group, advanced in fixed ticks from a seed. Each tick: followers fetch (and the ISR check runs when
 * due), then producers send, then consumers poll. Reader actions (a broker off or on, partitions added, a
 * member joining or crashing, acks changed) are recorded by the kit and replayed exactly.
 */
import { mulberry32, randomInt } from '../shared/random.ts';
import type { TickModel } from '../ui/simulation.ts';
import { Cluster, MAX_PARTITIONS } from './flow-cluster.ts';
import { ConsumerGroup } from './flow-consumer.ts';
import { FlowProducer, KeyChooser } from './flow-producer.ts';
import { RecordStore } from './flow-records.ts';
import {
  type Acks,
  type FlowAction,
  type FlowConfig,
  type FlowEvent,
  type FlowState,
  type FlowTotals,
  type ProduceError,
  type ResolvedFlowConfig,
} from './flow-types.ts';

export * from './flow-types.ts';
export { locateRecord, type RecordStage, type RecordTrace } from './flow-trace.ts';
export { assignReplicasRackUnaware, MAX_PARTITIONS } from './flow-cluster.ts';

/** Kafka's defaults where Kafka has one (producer, consumer, broker and topic configs); the model's own otherwise. */
export function resolveFlowConfig(c: FlowConfig): ResolvedFlowConfig {
  const r: ResolvedFlowConfig = {
    brokers: c.brokers,
    partitions: c.partitions,
    replicationFactor: c.replicationFactor,
    minInsyncReplicas: c.minInsyncReplicas ?? 1,
    uncleanLeaderElection: c.uncleanLeaderElection ?? false,
    replicaLagTimeMaxMs: c.replicaLagTimeMaxMs ?? 30000,
    replicaFetchIntervalMs: c.replicaFetchIntervalMs ?? c.tickMs ?? 100,
    acks: c.acks ?? 'all',
    producers: c.producers,
    producerRate: c.producerRate,
    keys: c.keys,
    consumers: [...c.consumers],
    pollIntervalMs: c.pollIntervalMs ?? 500,
    maxPollRecords: c.maxPollRecords ?? 500,
    autoCommit: c.autoCommit ?? true,
    autoCommitIntervalMs: c.autoCommitIntervalMs ?? 5000,
    manualCommitEvery: c.manualCommitEvery ?? 1,
    sessionTimeoutMs: c.sessionTimeoutMs ?? 45000,
    autoOffsetReset: c.autoOffsetReset ?? 'latest',
    tickMs: c.tickMs ?? 100,
    heatBucketMs: c.heatBucketMs ?? 1000,
  };
  if (c.replicaStartIndex !== undefined) r.replicaStartIndex = c.replicaStartIndex;
  const int = (name: string, v: number, min: number, max: number) => {
    if (!Number.isInteger(v) || v < min || v > max) throw new RangeError(`${name} must be an integer from ${min} to ${max}, got ${v}`);
  };
  const positive = (name: string, v: number) => {
    if (!(v > 0) || !Number.isFinite(v)) throw new RangeError(`${name} must be a positive number, got ${v}`);
  };
  int('brokers', r.brokers, 3, 5);
  int('partitions', r.partitions, 1, MAX_PARTITIONS);
  int('replicationFactor', r.replicationFactor, 1, Math.min(3, r.brokers));
  int('minInsyncReplicas', r.minInsyncReplicas, 1, 5);
  int('producers', r.producers, 0, 10);
  int('maxPollRecords', r.maxPollRecords, 1, 100000);
  int('manualCommitEvery', r.manualCommitEvery, 1, 1000);
  if (r.replicaStartIndex !== undefined) int('replicaStartIndex', r.replicaStartIndex, 0, r.brokers - 1);
  if (!(r.producerRate >= 0) || !Number.isFinite(r.producerRate)) throw new RangeError(`producerRate must be >= 0, got ${r.producerRate}`);
  for (const [n, v] of [
    ['replicaLagTimeMaxMs', r.replicaLagTimeMaxMs],
    ['replicaFetchIntervalMs', r.replicaFetchIntervalMs],
    ['pollIntervalMs', r.pollIntervalMs],
    ['autoCommitIntervalMs', r.autoCommitIntervalMs],
    ['sessionTimeoutMs', r.sessionTimeoutMs],
    ['tickMs', r.tickMs],
    ['heatBucketMs', r.heatBucketMs],
  ] as const)
    positive(n, v);
  if (!['0', '1', 'all'].includes(r.acks)) throw new RangeError(`acks must be 0, 1 or all, got ${r.acks}`);
  const k = r.keys;
  if (k.kind === 'uniform' || k.kind === 'zipf') int('keys.count', k.count, 1, 100000);
  if (k.kind === 'zipf') positive('keys.exponent', k.exponent);
  if (k.kind === 'fixed' && k.keys.length === 0) throw new RangeError('a fixed key set needs at least one key');
  if (k.kind === 'keyless') {
    if (k.batchSize !== undefined) int('keys.batchSize', k.batchSize, 1, 1 << 30);
    if (k.recordBytes !== undefined) int('keys.recordBytes', k.recordBytes, 1, 1 << 30);
  }
  if (new Set(r.consumers).size !== r.consumers.length) throw new RangeError('consumer ids must be distinct');
  return r;
}

export interface FlowEngine {
  readonly initial: readonly FlowEvent[];
  tick(): FlowEvent[];
  act(action: FlowAction): FlowEvent[];
  state(): FlowState;
}

export function createFlowEngine(config: FlowConfig, seed: number): FlowEngine {
  const cfg = resolveFlowConfig(config);
  const master = mulberry32(seed);
  const draw = () => Math.floor(master() * 0x100000000);
  const clusterRng = mulberry32(draw());
  const records = new RecordStore();
  const cluster = new Cluster(
    {
      brokers: cfg.brokers,
      partitions: cfg.partitions,
      replicationFactor: cfg.replicationFactor,
      minInsyncReplicas: cfg.minInsyncReplicas,
      uncleanLeaderElection: cfg.uncleanLeaderElection,
      replicaLagTimeMaxMs: cfg.replicaLagTimeMaxMs,
      replicaFetchIntervalMs: cfg.replicaFetchIntervalMs,
      ...(cfg.replicaStartIndex !== undefined ? { replicaStartIndex: cfg.replicaStartIndex } : {}),
      random: (n) => randomInt(clusterRng, n),
    },
    records,
  );
  const keys = new KeyChooser(cfg.keys);
  const producers = Array.from({ length: cfg.producers }, (_, i) => new FlowProducer(`p${i + 1}`, draw(), cfg.keys));
  const group = new ConsumerGroup(cfg, cluster, records);
  let acks: Acks = cfg.acks;
  let rate = cfg.producerRate;
  let now = 0;
  // state() is rebuilt only after a tick or an action: the island may ask for it every frame.
  let version = 0;
  let cached: { version: number; state: FlowState } | null = null;
  const heatTotals: number[] = new Array<number>(cfg.partitions).fill(0);
  const heatBuckets: number[][] = [];

  const initial: FlowEvent[] = [{ kind: 'topic-created', partitions: cfg.partitions, assignment: cluster.assignment() }];
  for (const id of cfg.consumers) group.join(id, 0, initial, false);
  if (cfg.consumers.length > 0) group.start(0, initial);

  function produce(events: FlowEvent[]): void {
    const bucket = Math.floor((now - cfg.tickMs) / cfg.heatBucketMs);
    while (heatBuckets.length <= bucket) heatBuckets.push([]);
    const row = heatBuckets[bucket]!;
    for (const p of producers) {
      const n = p.due(rate, cfg.tickMs);
      const failed = new Map<string, number[]>();
      for (let i = 0; i < n; i++) {
        const key = keys.next(p.rng);
        const partition = p.partitionFor(key, cluster.partitionCount, cluster.availablePartitions());
        const rec = records.add({
          producer: p.id,
          sequence: p.nextSequence(partition),
          key,
          partition,
          offset: null,
          epoch: null,
          appendedBy: null,
          producedAtMs: now,
          acks,
          status: 'pending',
          error: null,
          answeredAtMs: null,
          replicas: [],
          lost: false,
          lostAtMs: null,
          deliveries: [],
          orderingViolation: false,
        });
        p.sent++;
        heatTotals[partition] = (heatTotals[partition] ?? 0) + 1;
        row[partition] = (row[partition] ?? 0) + 1;
        cluster.append(rec.id, acks, now, events);
        const after = records.get(rec.id);
        if (after.status === 'failed') {
          const k = `${partition}:${after.error}`;
          failed.set(k, [...(failed.get(k) ?? []), rec.id]);
        }
      }
      for (const [k, ids] of failed) {
        const [partition, error] = k.split(':') as [string, ProduceError];
        events.push({ kind: 'produce-failed', partition: Number(partition), producer: p.id, error, recordIds: ids });
      }
      p.lingerExpired();
    }
  }

  function reject(action: FlowAction, reason: string): FlowEvent[] {
    return [{ kind: 'rejected', action: action.kind, reason }];
  }

  function act(action: FlowAction): FlowEvent[] {
    version++;
    const events: FlowEvent[] = [];
    const brokerOk = (b: number) => cluster.brokerIds.includes(b);
    switch (action.kind) {
      case 'broker-down':
        if (!brokerOk(action.broker)) return reject(action, `no broker ${action.broker}`);
        if (!cluster.isAlive(action.broker)) return reject(action, `broker ${action.broker} is already down`);
        cluster.brokerDown(action.broker, now, events);
        return events;
      case 'broker-up':
        if (!brokerOk(action.broker)) return reject(action, `no broker ${action.broker}`);
        if (cluster.isAlive(action.broker)) return reject(action, `broker ${action.broker} is already up`);
        cluster.brokerUp(action.broker, now, events);
        return events;
      case 'broker-stall':
        if (!brokerOk(action.broker)) return reject(action, `no broker ${action.broker}`);
        cluster.setStalled(action.broker, action.stalled, events);
        return events;
      case 'preferred-election':
        cluster.preferredElection(now, events);
        return events;
      case 'add-partitions': {
        const reason = cluster.addPartitions(action.count, now, events);
        if (reason !== null) return reject(action, reason);
        while (heatTotals.length < cluster.partitionCount) heatTotals.push(0);
        group.partitionsChanged(now, events);
        return events;
      }
      case 'set-acks':
        if (!['0', '1', 'all'].includes(action.acks)) return reject(action, `acks must be 0, 1 or all`);
        acks = action.acks;
        return [{ kind: 'setting', name: 'acks', value: acks }];
      case 'set-min-insync':
        if (!Number.isInteger(action.value) || action.value < 1) return reject(action, 'min.insync.replicas must be an integer >= 1');
        cluster.minInsyncReplicas = action.value;
        return [{ kind: 'setting', name: 'min.insync.replicas', value: action.value }];
      case 'set-rate':
        if (!(action.rate >= 0) || !Number.isFinite(action.rate)) return reject(action, 'rate must be a number >= 0');
        rate = action.rate;
        return [{ kind: 'setting', name: 'rate', value: rate }];
      case 'member-join':
        if (group.has(action.member)) return reject(action, `${action.member} is already in the group`);
        group.join(action.member, now, events);
        return events;
      case 'member-leave':
        if (!group.isActive(action.member)) return reject(action, `${action.member} is not an active member`);
        group.leave(action.member, now, events);
        return events;
      case 'member-crash':
        if (!group.isActive(action.member)) return reject(action, `${action.member} is not an active member`);
        group.crash(action.member, now, events);
        return events;
    }
  }

  function totals(): FlowTotals {
    return { ...records.counts(), deliveries: group.deliveries, duplicates: group.duplicates, orderingViolations: group.violations.length };
  }

  return {
    initial,
    tick() {
      version++;
      now += cfg.tickMs;
      const events: FlowEvent[] = [];
      cluster.replicate(now, events);
      produce(events);
      group.tick(now, events);
      return events;
    },
    act,
    state(): FlowState {
      if (cached !== null && cached.version === version) return cached.state;
      const n = cluster.partitionCount;
      const state: FlowState = {
        timeMs: now,
        config: cfg,
        acks,
        minInsyncReplicas: cluster.minInsyncReplicas,
        producerRate: rate,
        partitionCount: n,
        brokers: cluster.brokerViews(),
        partitions: cluster.partitionViews(),
        records: records.all(),
        producers: producers.map((p) => ({ id: p.id, sent: p.sent, stickyPartition: p.stickyPartition() })),
        group: group.view(),
        heat: {
          bucketMs: cfg.heatBucketMs,
          produced: heatTotals.slice(),
          buckets: heatBuckets.map((row) => Array.from({ length: n }, (_, i) => row[i] ?? 0)),
        },
        violations: group.violations.slice(),
        totals: totals(),
      };
      cached = { version, state };
      return state;
    },
  };
}

export const flowModel: TickModel<FlowConfig, FlowState, FlowEvent, FlowAction> = {
  tickMs: (config) => config.tickMs ?? 100,
  create: (config, seed) => createFlowEngine(config, seed),
};
