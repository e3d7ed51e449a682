/**
 * The model's record table. Records are replaced, never mutated, so a state handed to the island (a shallow copy
 * of the table) never changes under it, and copying the table each frame costs one array slice.
 */
import { PRODUCE_ERRORS, type FlowRecord, type ProduceError } from './flow-types.ts';

/** Producer-side counts over all records, kept up to date on every change (a state never rescans the table). */
export interface RecordCounts {
  produced: number;
  appended: number;
  acked: number;
  sent: number;
  pending: number;
  failed: Record<ProduceError, number>;
  lost: number;
  lostAcked: number;
}

function count(c: RecordCounts, r: FlowRecord, sign: 1 | -1): void {
  c.produced += sign;
  if (r.offset !== null) c.appended += sign;
  if (r.status === 'acked') c.acked += sign;
  else if (r.status === 'sent') c.sent += sign;
  else if (r.status === 'pending') c.pending += sign;
  else if (r.error !== null) c.failed[r.error] += sign;
  if (r.lost) {
    c.lost += sign;
    if (r.status === 'acked' || r.status === 'sent') c.lostAcked += sign;
  }
}

export class RecordStore {
  private readonly rows: FlowRecord[] = [];
  private readonly c: RecordCounts = {
    produced: 0,
    appended: 0,
    acked: 0,
    sent: 0,
    pending: 0,
    failed: Object.fromEntries(PRODUCE_ERRORS.map((e) => [e, 0])) as Record<ProduceError, number>,
    lost: 0,
    lostAcked: 0,
  };

  add(record: Omit<FlowRecord, 'id'>): FlowRecord {
    const row = { ...record, id: this.rows.length };
    this.rows.push(row);
    count(this.c, row, 1);
    return row;
  }

  counts(): RecordCounts {
    return { ...this.c, failed: { ...this.c.failed } };
  }

  get(id: number): FlowRecord {
    const row = this.rows[id];
    if (row === undefined) throw new RangeError(`no record ${id}`);
    return row;
  }

  update(id: number, patch: Partial<Omit<FlowRecord, 'id'>>): FlowRecord {
    const old = this.get(id);
    const row = { ...old, ...patch };
    count(this.c, old, -1);
    count(this.c, row, 1);
    this.rows[id] = row;
    return row;
  }

  addReplica(id: number, broker: number, leaderFirst = false): void {
    const r = this.get(id);
    if (r.replicas.includes(broker)) return;
    this.update(id, { replicas: leaderFirst ? [broker, ...r.replicas] : [...r.replicas, broker] });
  }

  removeReplica(id: number, broker: number): void {
    const r = this.get(id);
    if (r.replicas.includes(broker)) this.update(id, { replicas: r.replicas.filter((b) => b !== broker) });
  }

  all(): readonly FlowRecord[] {
    return this.rows.slice();
  }

  get size(): number {
    return this.rows.length;
  }
}
