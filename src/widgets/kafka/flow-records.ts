/**
 * The model's record table. Records are replaced, never mutated, so a state handed to the island (a shallow copy
 * of the table) never changes under it, and copying the table each frame costs one array slice.
 */
import type { FlowRecord } from './flow-types.ts';

export class RecordStore {
  private readonly rows: FlowRecord[] = [];

  add(record: Omit<FlowRecord, 'id'>): FlowRecord {
    const row = { ...record, id: this.rows.length };
    this.rows.push(row);
    return row;
  }

  get(id: number): FlowRecord {
    const row = this.rows[id];
    if (row === undefined) throw new RangeError(`no record ${id}`);
    return row;
  }

  update(id: number, patch: Partial<Omit<FlowRecord, 'id'>>): FlowRecord {
    const row = { ...this.get(id), ...patch };
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
