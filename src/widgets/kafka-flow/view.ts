/**
 * What the Message Flow island shows, derived from a flow state: the latest records per partition, the
 * outcome of each second's records, the words for each event and record stage. Pure, so the static
 * render, the island and the tests read the same numbers.
 */
import type { FlowEvent, FlowRecord, FlowState } from '../kafka/flow-model.ts';
import type { RecordStage } from '../kafka/flow-model.ts';

// One formatter, made once: toLocaleString builds a new one on every call, which showed up as the island's
// largest cost per frame.
const COUNT = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

/** A count with thousands separators ("12,345"). */
export function formatCount(n: number): string {
  const r = Math.round(n);
  return r > -1000 && r < 1000 ? String(r) : COUNT.format(r);
}

/** How many records each partition's lane draws: enough to see batches and keys, few enough to stay fast. */
export const RECORDS_PER_PARTITION = 12;
/** Heatmap columns: the last this many seconds. */
export const HEAT_COLUMNS = 10;

/**
 * The latest `n` records of each partition, oldest first. Scans from the newest record backwards and stops
 * once every partition is full or `scanLimit` records were seen, so a partition that gets nothing (a key
 * set that never hashes to it) does not make each frame read the whole run.
 */
export function recentByPartition(s: FlowState, n = RECORDS_PER_PARTITION, scanLimit = 4000): FlowRecord[][] {
  const out: FlowRecord[][] = Array.from({ length: s.partitionCount }, () => []);
  let full = 0;
  const stop = Math.max(0, s.records.length - scanLimit);
  for (let i = s.records.length - 1; i >= stop && full < out.length; i--) {
    const r = s.records[i]!;
    const lane = out[r.partition]!;
    if (lane.length < n) {
      lane.push(r);
      if (lane.length === n) full++;
    }
  }
  for (const lane of out) lane.reverse();
  return out;
}

export type Outcome = 'acked' | 'failed' | 'lost';

/** Per second of production time: how many of that second's records were acknowledged (or sent), failed, lost. */
export function outcomesPerSecond(s: FlowState): { second: number; acked: number; failed: number; lost: number }[] {
  const seconds = Math.ceil(s.timeMs / 1000);
  const rows = Array.from({ length: seconds }, (_, i) => ({ second: i + 1, acked: 0, failed: 0, lost: 0 }));
  for (const r of s.records) {
    // A record produced in the tick ending at t belongs to the second (t - tick, t].
    const row = rows[Math.max(0, Math.ceil(r.producedAtMs / 1000) - 1)];
    if (row === undefined) continue;
    if (r.lost) row.lost++;
    else if (r.status === 'failed') row.failed++;
    else if (r.status === 'acked' || r.status === 'sent') row.acked++;
  }
  return rows;
}

/** One word a chip shows besides colour, and the sentence its tooltip and accessible name give. */
export function recordGlyph(r: FlowRecord): string {
  if (r.lost) return '⚠';
  if (r.status === 'failed') return '✕';
  if (r.status === 'pending') return '…';
  if (r.status === 'sent') return '→';
  return '✓';
}

export function recordState(r: FlowRecord): string {
  if (r.lost) return r.status === 'acked' ? 'lost after it was acknowledged' : r.status === 'sent' ? 'lost (sent with acks=0: the producer never knew)' : 'lost (never acknowledged)';
  if (r.status === 'failed') return `failed: ${r.error}`;
  if (r.status === 'pending') return 'waiting for the in-sync replicas';
  if (r.status === 'sent') return 'sent with acks=0 (no answer)';
  return 'acknowledged';
}

export function describeRecord(r: FlowRecord): string {
  const parts = [`Record ${r.id}`, r.key === null ? 'no key' : `key ${r.key}`, `from ${r.producer}`, `partition ${r.partition}`];
  if (r.offset !== null) parts.push(`offset ${r.offset}`);
  parts.push(recordState(r));
  const dups = r.deliveries.filter((d) => d.duplicate).length;
  if (r.deliveries.length > 0) parts.push(`delivered ${r.deliveries.length} time${r.deliveries.length > 1 ? 's' : ''}${dups ? ` (${dups} duplicate${dups > 1 ? 's' : ''})` : ''}`);
  if (r.orderingViolation) parts.push('read after a later record of its key');
  return parts.join(', ');
}

/** The stages of a record's journey in order, with the two ways it can end early. */
export const STAGES: readonly { stage: RecordStage; label: string }[] = [
  { stage: 'produced', label: 'Sent by the producer' },
  { stage: 'appended', label: "Appended to the leader's log" },
  { stage: 'committed', label: 'Replicated to every in-sync replica (below the high watermark)' },
  { stage: 'consumed', label: 'Delivered to a consumer' },
  { stage: 'offset-committed', label: "Past the group's committed offset: will not be delivered again" },
];
export const STAGE_ENDS: Readonly<Record<'failed' | 'lost', string>> = {
  failed: 'Failed: the producer got an error and the record is not in the log',
  lost: 'Lost: truncated away when a leader without it was elected',
};

const list = (xs: readonly number[]) => xs.join(', ');

/** A log line for one event, and how serious it is. Commits are left out by the island (one per poll with manual commits). */
export function describeEvent(e: FlowEvent): { text: string; tone?: 'warn' | 'bad' } {
  switch (e.kind) {
    case 'topic-created':
      return { text: `Topic created: ${e.partitions} partitions, replicas ${e.assignment.map((r, p) => `P${p}[${list(r)}]`).join(' ')}.` };
    case 'broker-down':
      return { text: `Broker ${e.broker} stopped.`, tone: 'bad' };
    case 'broker-up':
      return { text: `Broker ${e.broker} started.` };
    case 'broker-stalled':
      return e.stalled ? { text: `Broker ${e.broker} stops fetching as a follower.`, tone: 'warn' } : { text: `Broker ${e.broker} fetches again.` };
    case 'leader-elected':
      return {
        text: `P${e.partition}: broker ${e.leader} elected leader${e.previous !== null ? ` (was ${e.previous})` : ''}, epoch ${e.epoch}${e.unclean ? ', UNCLEAN: from outside the ISR' : ''}.`,
        ...(e.unclean ? { tone: 'bad' as const } : { tone: 'warn' as const }),
      };
    case 'partition-offline':
      return { text: `P${e.partition} is offline: no in-sync replica is alive.`, tone: 'bad' };
    case 'isr-shrink':
      return { text: `P${e.partition}: broker ${e.broker} leaves the ISR (${e.reason === 'lag' ? 'fell behind' : 'stopped'}); ISR ${list(e.isr)}.`, tone: 'warn' };
    case 'isr-expand':
      return { text: `P${e.partition}: broker ${e.broker} caught up and rejoins the ISR; ISR ${list(e.isr)}.` };
    case 'truncated':
      return { text: `P${e.partition}: broker ${e.broker} truncates its log to offset ${e.toOffset}, dropping ${e.removed.length} record${e.removed.length === 1 ? '' : 's'}.`, tone: 'warn' };
    case 'records-lost':
      return { text: `P${e.partition}: ${e.recordIds.length} record${e.recordIds.length === 1 ? '' : 's'} lost, ${e.acked} of them acknowledged to the producer.`, tone: 'bad' };
    case 'produce-failed':
      return { text: `${e.producer} → P${e.partition}: ${e.recordIds.length} failed with ${e.error}.`, tone: 'bad' };
    case 'partitions-added':
      return { text: `Partitions added: ${e.from} → ${e.to}. Keys that now hash to another partition change partition.`, tone: 'warn' };
    case 'rejected':
      return { text: `Not possible (${e.action}): ${e.reason}.`, tone: 'warn' };
    case 'setting':
      return { text: `${e.name} set to ${e.value}.` };
    case 'member-joined':
      return { text: `${e.member} joins the group.` };
    case 'member-left':
      return { text: `${e.member} leaves the group (commits first).` };
    case 'member-crashed':
      return { text: `${e.member} crashed: it keeps its partitions until the session times out.`, tone: 'bad' };
    case 'member-removed':
      return { text: `${e.member} removed: session timed out.`, tone: 'warn' };
    case 'rebalance':
      return {
        text: `Rebalance, generation ${e.generation}: ${Object.entries(e.assignment).map(([m, ps]) => `${m} ${ps.length ? ps.map((p) => `P${p}`).join(' ') : 'nothing'}`).join('; ') || 'no members'}.`,
      };
    case 'commit':
      return { text: `${e.member} commits ${Object.entries(e.offsets).map(([p, o]) => `P${p}@${o}`).join(' ')}${e.auto ? ' (auto)' : ''}.` };
    case 'offset-reset':
      return { text: `${e.member}: P${e.partition} offset ${e.from} out of range, reset to ${e.to}.`, tone: 'warn' };
    case 'redelivered':
      return { text: `${e.member} re-reads ${e.recordIds.length} record${e.recordIds.length === 1 ? '' : 's'} of P${e.partition}: duplicates.`, tone: 'warn' };
    case 'ordering-violation':
      return { text: `Key ${e.key}: record ${e.recordId} read after the later record ${e.afterRecordId}.`, tone: 'bad' };
  }
}
