/**
 * Types of the Kafka Message Flow model: its configuration, the records it follows from producer to consumer,
 * the plain state an island draws, the events it logs and the actions a reader takes.
 */
import type { StickyMode } from './partitioner.ts';

/** Producer `acks`: "0" fire-and-forget, "1" the leader's append, "all" every in-sync replica (Kafka's default since 3.0). */
export type Acks = '0' | '1' | 'all';

/** How producers choose keys. */
export type KeyMode =
  /** `count` keys named key-0 ... key-(count-1), each equally likely. */
  | { kind: 'uniform'; count: number }
  /** `count` keys, key-i drawn with probability proportional to 1 / (i + 1)^exponent: key-0 is the hot key. */
  | { kind: 'zipf'; count: number; exponent: number }
  /** Exactly these keys, cycled in the given order across all producers (a, b, c, a, b, c, ...). */
  | { kind: 'fixed'; keys: readonly string[] }
  /** No key: the producer's sticky partitioner (KIP-794 by default, or KIP-480) picks the partition. */
  | { kind: 'keyless'; sticky?: StickyMode; batchSize?: number; recordBytes?: number };

export type AutoOffsetReset = 'earliest' | 'latest';

export interface FlowConfig {
  /** Brokers, ids 1..brokers (3 to 5). */
  brokers: number;
  /** Partitions of the topic (1 to 12). */
  partitions: number;
  /** replication.factor (1 to 3, at most brokers). */
  replicationFactor: number;
  /** min.insync.replicas (topic config; Kafka's default 1). */
  minInsyncReplicas?: number;
  /** unclean.leader.election.enable (Kafka's default false). */
  uncleanLeaderElection?: boolean;
  /** replica.lag.time.max.ms (Kafka's default 30000). */
  replicaLagTimeMaxMs?: number;
  /** How often each follower fetches from its leader (default: every tick). */
  replicaFetchIntervalMs?: number;
  /**
   * AdminUtils' fixedStartIndex for replica placement. Omitted, the start index and replica shift are drawn from
   * the seed, as Kafka draws them from its Random.
   */
  replicaStartIndex?: number;
  /** Producer acks (default "all", Kafka's default since 3.0). */
  acks?: Acks;
  /** Number of producers (p1, p2, ...). */
  producers: number;
  /** Records per second, per producer. */
  producerRate: number;
  keys: KeyMode;
  /** Initial members of the consumer group, in join order. */
  consumers: readonly string[];
  /** How often each member calls poll() (ms). */
  pollIntervalMs?: number;
  /** max.poll.records (Kafka's default 500). */
  maxPollRecords?: number;
  /** enable.auto.commit (Kafka's default true). False: commitSync after processing every `manualCommitEvery` polls. */
  autoCommit?: boolean;
  /** auto.commit.interval.ms (Kafka's default 5000). */
  autoCommitIntervalMs?: number;
  /** With manual commits: commit after this many processed polls (default 1: after every poll). */
  manualCommitEvery?: number;
  /** session.timeout.ms (Kafka's default 45000): how long a crashed member keeps its partitions. */
  sessionTimeoutMs?: number;
  /** auto.offset.reset (Kafka's default "latest"). */
  autoOffsetReset?: AutoOffsetReset;
  /** Simulated ms per tick (default 100). */
  tickMs?: number;
  /** Width of one heatmap column in ms (default 1000). */
  heatBucketMs?: number;
}

/** Configuration with every default filled in. */
export type ResolvedFlowConfig = Required<Omit<FlowConfig, 'replicaStartIndex'>> & { replicaStartIndex?: number };

/** Kafka's error codes for the failures the model produces. */
export type ProduceError =
  /** No leader for the partition (every ISR member is down): a real producer retries until delivery.timeout.ms. */
  | 'LEADER_NOT_AVAILABLE'
  /** acks=all and the ISR is smaller than min.insync.replicas: rejected, not appended. */
  | 'NOT_ENOUGH_REPLICAS'
  /** acks=all, appended and replicated, but the ISR shrank below min.insync.replicas before the ack: the record IS in the log. */
  | 'NOT_ENOUGH_REPLICAS_AFTER_APPEND'
  /** acks=all, the leader changed before the ack: the record may or may not have survived. */
  | 'NOT_LEADER_OR_FOLLOWER';

export const PRODUCE_ERRORS: readonly ProduceError[] = [
  'LEADER_NOT_AVAILABLE',
  'NOT_ENOUGH_REPLICAS',
  'NOT_ENOUGH_REPLICAS_AFTER_APPEND',
  'NOT_LEADER_OR_FOLLOWER',
];

/** What the producer was told: acked (acks=1/all), sent (acks=0: no answer), pending (acks=all awaiting the ISR), failed. */
export type ProduceStatus = 'pending' | 'acked' | 'sent' | 'failed';

export interface Delivery {
  member: string;
  atMs: number;
  generation: number;
  /** The record had already been delivered to the group before (a redelivery). */
  duplicate: boolean;
}

/** One produced record. Objects are never mutated after they are put in a state: a change replaces the object. */
export interface FlowRecord {
  /** Global production order, 0-based; also the index in FlowState.records. */
  id: number;
  producer: string;
  /** Per producer and partition, from 0, as the idempotent producer numbers batches. */
  sequence: number;
  key: string | null;
  partition: number;
  /** Offset on the leader that appended it; null if it was never appended. */
  offset: number | null;
  /** Leader epoch it was appended in, and the broker that appended it. */
  epoch: number | null;
  appendedBy: number | null;
  producedAtMs: number;
  acks: Acks;
  status: ProduceStatus;
  error: ProduceError | null;
  /** When the producer got its answer (ack or error); null while pending or for acks=0. */
  answeredAtMs: number | null;
  /** Brokers whose log holds it now (leader first when it holds it). */
  replicas: readonly number[];
  /** Truncated away: a leader without it was elected. */
  lost: boolean;
  lostAtMs: number | null;
  deliveries: readonly Delivery[];
  /** Delivered (first time) after a later record of the same key had been delivered. */
  orderingViolation: boolean;
}

export interface FollowerView {
  broker: number;
  alive: boolean;
  /** Log end offset of this replica's log. */
  leo: number;
  /** This replica's own high watermark (the leader's is the partition's). */
  hw: number;
  inIsr: boolean;
  /** Record ids in this replica's log, offset order. */
  log: readonly number[];
  /** The leader's view of this follower: last fetch offset and lastCaughtUpTimeMs (null for the leader itself). */
  fetchOffset: number | null;
  lastCaughtUpMs: number | null;
}

export interface PartitionView {
  id: number;
  /** Assigned replicas, preferred leader first. */
  replicas: readonly number[];
  leader: number | null;
  epoch: number;
  isr: readonly number[];
  /** The leader's high watermark: consumers see offsets below it. 0 when there is no leader. */
  hw: number;
  /** The leader's log end offset (0 when there is no leader). */
  leo: number;
  /** False when no leader: produce fails, consume stalls. */
  available: boolean;
  /** True when acks=all produce would be refused (ISR smaller than min.insync.replicas). */
  underMinIsr: boolean;
  replicaStates: readonly FollowerView[];
}

export interface BrokerView {
  id: number;
  alive: boolean;
  /** Alive but its replica fetchers are stopped (a slow disk, a network problem towards the leaders). */
  stalled: boolean;
  leaderOf: readonly number[];
}

export interface MemberView {
  id: string;
  status: 'active' | 'crashed';
  crashedAtMs: number | null;
  assigned: readonly number[];
  /** Next offset to fetch, per assigned partition. */
  positions: Readonly<Record<number, number>>;
  nextPollMs: number;
  delivered: number;
}

export interface GroupView {
  generation: number;
  members: readonly MemberView[];
  /** Members that left or were removed after a crash. */
  departed: readonly string[];
  /** Committed offset per partition (null: none yet). */
  committed: readonly (number | null)[];
  /** Partition owner in the current generation (null: unassigned). */
  owner: readonly (string | null)[];
  /** hw - committed per partition (committed counts as 0 when none); null while the partition has no leader. */
  lag: readonly (number | null)[];
  lastCommitMs: number | null;
}

export interface OrderingViolation {
  key: string;
  recordId: number;
  /** The later record of that key delivered before it. */
  afterRecordId: number;
  partition: number;
  afterPartition: number;
  atMs: number;
}

export interface HeatMap {
  bucketMs: number;
  /** Records produced (attempted) per partition over the whole run. */
  produced: readonly number[];
  /** Per bucket (time column), records produced per partition. */
  buckets: readonly (readonly number[])[];
}

export interface FlowTotals {
  produced: number;
  appended: number;
  acked: number;
  sent: number;
  pending: number;
  failed: Readonly<Record<ProduceError, number>>;
  /** Records truncated away, and of those the ones the producer believed written: acked, or sent with acks=0 (data loss). */
  lost: number;
  lostAcked: number;
  deliveries: number;
  duplicates: number;
  orderingViolations: number;
}

export interface FlowState {
  timeMs: number;
  config: ResolvedFlowConfig;
  /** Current values of what actions can change. */
  acks: Acks;
  minInsyncReplicas: number;
  producerRate: number;
  partitionCount: number;
  brokers: readonly BrokerView[];
  partitions: readonly PartitionView[];
  records: readonly FlowRecord[];
  producers: readonly { id: string; sent: number; stickyPartition: number | null }[];
  group: GroupView;
  heat: HeatMap;
  violations: readonly OrderingViolation[];
  totals: FlowTotals;
}

export type FlowAction =
  | { kind: 'broker-down'; broker: number }
  | { kind: 'broker-up'; broker: number }
  | { kind: 'broker-stall'; broker: number; stalled: boolean }
  /** kafka-leader-election --election-type preferred: move leadership back to each partition's first replica. */
  | { kind: 'preferred-election' }
  /** kafka-topics --alter --partitions N: the new total (partitions can only be added). */
  | { kind: 'add-partitions'; count: number }
  | { kind: 'set-acks'; acks: Acks }
  | { kind: 'set-min-insync'; value: number }
  | { kind: 'set-rate'; rate: number }
  | { kind: 'member-join'; member: string }
  | { kind: 'member-leave'; member: string }
  | { kind: 'member-crash'; member: string };

export type FlowEvent =
  | { kind: 'topic-created'; partitions: number; assignment: number[][] }
  | { kind: 'broker-down'; broker: number }
  | { kind: 'broker-up'; broker: number }
  | { kind: 'broker-stalled'; broker: number; stalled: boolean }
  | { kind: 'leader-elected'; partition: number; leader: number; previous: number | null; epoch: number; unclean: boolean }
  | { kind: 'partition-offline'; partition: number }
  | { kind: 'isr-shrink'; partition: number; broker: number; reason: 'broker-down' | 'lag'; isr: number[] }
  | { kind: 'isr-expand'; partition: number; broker: number; isr: number[] }
  | { kind: 'truncated'; partition: number; broker: number; toOffset: number; removed: number[] }
  /** `acked`: how many of them the producer believed written (acked, or sent with acks=0). */
  | { kind: 'records-lost'; partition: number; recordIds: number[]; acked: number }
  | { kind: 'produce-failed'; partition: number; producer: string; error: ProduceError; recordIds: number[] }
  | { kind: 'partitions-added'; from: number; to: number; assignment: number[][] }
  | { kind: 'rejected'; action: FlowAction['kind']; reason: string }
  | { kind: 'setting'; name: 'acks' | 'min.insync.replicas' | 'rate'; value: string | number }
  | { kind: 'member-joined'; member: string }
  | { kind: 'member-left'; member: string }
  | { kind: 'member-crashed'; member: string }
  | { kind: 'member-removed'; member: string; reason: 'session-timeout' }
  | { kind: 'rebalance'; generation: number; assignment: Record<string, number[]> }
  | { kind: 'commit'; member: string; offsets: Record<number, number>; auto: boolean }
  | { kind: 'offset-reset'; member: string; partition: number; from: number; to: number }
  | { kind: 'redelivered'; member: string; partition: number; recordIds: number[] }
  | { kind: 'ordering-violation'; key: string; recordId: number; afterRecordId: number };
