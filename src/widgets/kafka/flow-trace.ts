/**
 * "Follow one record": where a record is now, read from a flow state (so it works on any snapshot the island
 * holds, including after stepping back).
 */
import type { Delivery, FlowRecord, FlowState } from './flow-types.ts';

export type RecordStage =
  /** The producer got an error and the record is not in the log. */
  | 'failed'
  /** It was appended, then truncated away by a leader change. */
  | 'lost'
  /** Sent, not (yet) appended: only while a tick is running, or never for a failure. */
  | 'produced'
  /** On the leader, not yet below the high watermark. */
  | 'appended'
  /** Below the high watermark: on every ISR member, visible to consumers. */
  | 'committed'
  /** Delivered to a consumer at least once. */
  | 'consumed'
  /** The group's committed offset is past it: it will not be delivered again. */
  | 'offset-committed';

export interface RecordTrace {
  record: FlowRecord;
  stage: RecordStage;
  /** Broker of the leader that appended it, with offset and leader epoch. */
  appended: { broker: number; offset: number; epoch: number } | null;
  /** Brokers holding it now, and of those the ones that are followers of the current leader. */
  heldBy: readonly number[];
  followers: readonly number[];
  /** It is at its offset in the current leader's log, below that leader's high watermark. */
  belowHighWatermark: boolean;
  consumedBy: readonly Delivery[];
  offsetCommitted: boolean;
}

export function locateRecord(state: FlowState, id: number): RecordTrace | null {
  const record = state.records[id];
  if (record === undefined) return null;
  const part = state.partitions[record.partition]!;
  const appended =
    record.offset !== null && record.appendedBy !== null && record.epoch !== null
      ? { broker: record.appendedBy, offset: record.offset, epoch: record.epoch }
      : null;
  const leaderLog = part.replicaStates.find((r) => r.broker === part.leader)?.log;
  const inLeaderLog = record.offset !== null && leaderLog !== undefined && leaderLog[record.offset] === id;
  const belowHighWatermark = !record.lost && inLeaderLog && record.offset! < part.hw;
  const committed = state.group.committed[record.partition];
  const offsetCommitted = !record.lost && record.offset !== null && committed !== null && committed !== undefined && committed > record.offset;
  let stage: RecordStage;
  if (record.lost) stage = 'lost';
  else if (appended === null) stage = record.status === 'failed' ? 'failed' : 'produced';
  else if (offsetCommitted && record.deliveries.length > 0) stage = 'offset-committed';
  else if (record.deliveries.length > 0) stage = 'consumed';
  else if (belowHighWatermark) stage = 'committed';
  else stage = 'appended';
  return {
    record,
    stage,
    appended,
    heldBy: record.replicas,
    followers: record.replicas.filter((b) => b !== part.leader),
    belowHighWatermark,
    consumedBy: record.deliveries,
    offsetCommitted,
  };
}
