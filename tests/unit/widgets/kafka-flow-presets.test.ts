/** Each Message Flow preset shows what its notice promises, run through the same code the island uses. */
import { describe, expect, it } from 'vitest';
import { readUrlState } from '../../../src/widgets/ui/presets.ts';
import { buildRun, keyMode, parseScript, presets, safeBuildRun, schema, scriptToken, summarize, TICK_MS, type FlowValues } from '../../../src/widgets/kafka-flow/config.ts';
import { partitionForKey } from '../../../src/widgets/kafka/partitioner.ts';
import { zipfCdf } from '../../../src/widgets/kafka/flow-producer.ts';
import { locateRecord, type FlowAction, type FlowState } from '../../../src/widgets/kafka/flow-model.ts';

const valuesOf = (id: string, extra = ''): FlowValues => readUrlState(schema, presets, `preset=${id}${extra}`).values;

function end(id: string, extra = ''): FlowState {
  const { sim, maxTicks, notes } = buildRun(valuesOf(id, extra));
  expect(notes).toEqual([]);
  sim.seek(maxTicks);
  return sim.state();
}
const seconds = (ms: number) => ms / 1000;

describe('Message Flow presets', () => {
  it('every preset id is unique and parses without notes, and its script has no rejected action', () => {
    expect(new Set(presets.map((p) => p.id)).size).toBe(presets.length);
    for (const p of presets) {
      const r = readUrlState(schema, presets, `preset=${p.id}`);
      expect(r.notes, p.id).toEqual([]);
      expect(parseScript(r.values.script).notes, p.id).toEqual([]);
      const { sim, maxTicks } = buildRun(r.values);
      sim.seek(maxTicks);
      expect(sim.events().filter((e) => e.event.kind === 'rejected'), p.id).toEqual([]);
    }
  });

  it('steady: every keyed record is on partitionForKey, nothing fails, and acks=all acknowledges only records below the high watermark', () => {
    const s = end('steady');
    expect(s.records.length).toBeGreaterThan(0);
    for (const r of s.records) expect(r.partition).toBe(partitionForKey(r.key!, 6));
    expect(Object.values(s.totals.failed).every((n) => n === 0)).toBe(true);
    expect(s.totals.lost).toBe(0);
    for (const r of s.records.filter((x) => x.status === 'acked')) expect(r.offset!).toBeLessThan(s.partitions[r.partition]!.hw);
  });

  it('acks=1: the stopped leader had acknowledged records no follower had; they are lost', () => {
    const s = end('acks1-leader-stops');
    expect(s.totals.lostAcked).toBeGreaterThan(0);
    const lost = s.records.filter((r) => r.lost);
    for (const r of lost) {
      expect(r.status).toBe('acked');
      expect(r.appendedBy).toBe(1);
      expect(seconds(r.producedAtMs)).toBeLessThanOrEqual(20.9);
      expect(seconds(r.producedAtMs)).toBeGreaterThan(19.9); // since the followers' last fetch, a second before
    }
  });

  it('acks=all: the same stop loses the same records, none of them acknowledged: each failed with NOT_LEADER_OR_FOLLOWER', () => {
    const s = end('acks-all-leader-stops');
    expect(s.totals.lostAcked).toBe(0);
    const lost = s.records.filter((x) => x.lost);
    expect(lost.length).toBeGreaterThan(0);
    for (const r of lost) expect(r).toMatchObject({ status: 'failed', error: 'NOT_LEADER_OR_FOLLOWER' });
    expect(lost.map((r) => r.id)).toEqual(end('acks1-leader-stops').records.filter((x) => x.lost).map((r) => r.id));
  });

  it('min.insync.replicas=2: NOT_ENOUGH_REPLICAS while one replica is in sync, never a lost acknowledged record, writes succeed after broker 3 returns', () => {
    const s = end('min-insync');
    const refused = s.records.filter((r) => r.error === 'NOT_ENOUGH_REPLICAS');
    expect(refused.length).toBeGreaterThan(0);
    for (const r of refused) {
      expect(r.offset).toBeNull();
      expect(seconds(r.producedAtMs)).toBeGreaterThanOrEqual(20);
      expect(seconds(r.producedAtMs)).toBeLessThan(41);
    }
    expect(s.totals.lostAcked).toBe(0);
    const late = s.records.filter((r) => r.producedAtMs > 45_000 && r.producedAtMs < 110_000);
    expect(late.length).toBeGreaterThan(0);
    expect(late.every((r) => r.status === 'acked')).toBe(true);
    // Every write while one replica was in sync is refused; with min.insync.replicas=1 none is.
    const alone = s.records.filter((r) => r.producedAtMs > 20_000 && r.producedAtMs <= 40_000);
    expect(alone.every((r) => r.error === 'NOT_ENOUGH_REPLICAS')).toBe(true);
    expect(end('min-insync', '&minIsr=1').totals.failed.NOT_ENOUGH_REPLICAS).toBe(0);
  });

  it('offline: with RF 1 the stopped broker\'s partitions have no leader and their keyed records fail with LEADER_NOT_AVAILABLE', () => {
    const { sim } = buildRun(valuesOf('offline'));
    sim.seek(150);
    const during = sim.state();
    const offline = during.partitions.filter((p) => !p.available).map((p) => p.id);
    expect(offline.length).toBeGreaterThan(0);
    expect(offline.every((p) => during.partitions[p]!.replicas[0] === 2)).toBe(true);
    const s = end('offline');
    const failed = s.records.filter((r) => r.error === 'LEADER_NOT_AVAILABLE');
    expect(failed.length).toBeGreaterThan(0);
    for (const r of failed) {
      expect(offline).toContain(r.partition);
      expect(seconds(r.producedAtMs)).toBeGreaterThan(10);
      expect(seconds(r.producedAtMs)).toBeLessThanOrEqual(40);
    }
    expect(s.partitions.every((p) => p.available)).toBe(true);
  });

  it('crash with auto-commit: c1 gets c2\'s records of the last three seconds again after the session timeout, marked duplicate', () => {
    const s = end('crash-duplicates');
    const dups = s.records.filter((r) => r.deliveries.some((d) => d.duplicate));
    expect(dups.length).toBeGreaterThan(0);
    expect(s.totals.duplicates).toBe(dups.length);
    for (const r of dups) {
      expect(r.deliveries[0]!.member).toBe('c2');
      expect(seconds(r.deliveries[0]!.atMs)).toBeGreaterThan(19.5);
      expect(seconds(r.deliveries[0]!.atMs)).toBeLessThanOrEqual(23);
      expect(r.deliveries[1]).toMatchObject({ member: 'c1', duplicate: true });
      expect(seconds(r.deliveries[1]!.atMs)).toBeGreaterThanOrEqual(23 + 45);
    }
  });

  it('crash with a commit after every poll: no duplicates, and c1 still takes over c2\'s partitions', () => {
    const s = end('crash-manual-commit');
    expect(s.totals.duplicates).toBe(0);
    expect(s.group.members.map((m) => m.id)).toEqual(['c1']);
    expect(s.records.filter((r) => r.producedAtMs < 100_000).every((r) => r.deliveries.length === 1)).toBe(true);
  });

  it('hot key: key-0 carries about a quarter of the traffic and its partition is the hottest', () => {
    const v = valuesOf('hot-key');
    const mode = keyMode(v);
    if (mode.kind !== 'zipf') throw new Error('hot-key should be zipf');
    expect(zipfCdf(mode.count, mode.exponent)[0]).toBeGreaterThan(0.2);
    expect(zipfCdf(mode.count, mode.exponent)[0]).toBeLessThan(0.3);
    const s = end('hot-key');
    const key0 = s.records.filter((r) => r.key === 'key-0').length / s.records.length;
    expect(key0).toBeGreaterThan(0.2);
    expect(key0).toBeLessThan(0.3);
    const hottest = s.heat.produced.indexOf(Math.max(...s.heat.produced));
    expect(hottest).toBe(partitionForKey('key-0', v.partitions));
    // Still the hottest with twice the partitions.
    const wider = end('hot-key', '&partitions=12');
    expect(wider.heat.produced.indexOf(Math.max(...wider.heat.produced))).toBe(partitionForKey('key-0', 12));
  });

  it('keyless: records come in runs per producer, yet every partition gets a similar share', () => {
    const s = end('keyless-sticky');
    expect(s.records.every((r) => r.key === null)).toBe(true);
    for (const p of s.producers) {
      const mine = s.records.filter((r) => r.producer === p.id);
      const switches = mine.filter((r, i) => i > 0 && r.partition !== mine[i - 1]!.partition).length;
      expect(switches).toBeLessThan(mine.length / 5);
    }
    expect(Math.max(...s.heat.produced) / Math.min(...s.heat.produced)).toBeLessThan(2);
  });

  it('add partitions: only keys that moved are flagged, each read before an older record of its key', () => {
    const v = valuesOf('add-partitions');
    const moved = v.keys.filter((k) => partitionForKey(k, 2) !== partitionForKey(k, 3));
    const s = end('add-partitions');
    expect(s.violations.length).toBeGreaterThan(0);
    for (const x of s.violations) {
      expect(moved).toContain(x.key);
      expect(x.recordId).toBeLessThan(x.afterRecordId);
      expect(s.records[x.recordId]!.orderingViolation).toBe(true);
    }
    const before = s.records.filter((r) => r.producedAtMs <= 5000);
    expect(before.every((r) => !r.orderingViolation || r.partition === partitionForKey(r.key!, 2))).toBe(true);
  });
});

describe('script, keys and summary', () => {
  it('round-trips every reader action through script tokens at tenth-of-a-second precision', () => {
    const actions: FlowAction[] = [
      { kind: 'broker-down', broker: 2 },
      { kind: 'broker-up', broker: 2 },
      { kind: 'broker-stall', broker: 3, stalled: true },
      { kind: 'broker-stall', broker: 3, stalled: false },
      { kind: 'preferred-election' },
      { kind: 'add-partitions', count: 9 },
      { kind: 'set-acks', acks: '0' },
      { kind: 'set-min-insync', value: 2 },
      { kind: 'set-rate', rate: 12.5 },
      { kind: 'member-join', member: 'c3' },
      { kind: 'member-leave', member: 'c1' },
      { kind: 'member-crash', member: 'c2' },
    ];
    const tokens = actions.map((a) => scriptToken(12_300, a));
    expect(tokens[0]).toBe('12.3:down:2');
    const parsed = parseScript(tokens);
    expect(parsed.notes).toEqual([]);
    expect(parsed.scheduled.map((s) => s.action)).toEqual(actions);
    expect(parsed.scheduled.every((s) => s.tick === 12_300 / TICK_MS)).toBe(true);
  });

  it('skips bad script steps with a note', () => {
    const r = parseScript(['x:down:1', '10:explode', '10:acks:2', '1.25:down:1', '10:down:1']);
    expect(r.scheduled).toHaveLength(1);
    expect(r.notes).toHaveLength(4);
  });

  it('?keys= selects the fixed key mode and produces exactly those keys', () => {
    const v = readUrlState(schema, presets, 'partitions=6&keys=a,b,c').values;
    expect(keyMode(v)).toEqual({ kind: 'fixed', keys: ['a', 'b', 'c'] });
    const { sim } = buildRun(v);
    sim.seek(50);
    const keys = sim.state().records.map((r) => r.key);
    expect(new Set(keys)).toEqual(new Set(['a', 'b', 'c']));
    expect(keys.slice(0, 6)).toEqual(['a', 'b', 'c', 'a', 'b', 'c']);
  });

  it('values the model refuses fall back to the defaults with a note, never an exception', () => {
    // Not reachable through the schema, whose bounds are stricter than the model's.
    const run = safeBuildRun({ ...valuesOf('steady'), partitions: 13 });
    expect(run.error).toMatch(/partitions/);
    expect(run.notes.at(-1)).toMatch(/^These settings cannot run: .*Showing the defaults\.$/);
    expect(run.sim.config.base.partitions).toBe(6);
  });

  it('summarizes totals, stopped brokers and offline partitions for screen readers', () => {
    const { sim } = buildRun(valuesOf('offline'));
    sim.seek(150);
    expect(summarize(sim.state())).toMatch(/^15\.0 s: [\d,]+ produced, [\d,]+ acknowledged, [1-9][\d,]* failed, 0 acknowledged records lost, 0 duplicates, 0 ordering violations; broker 2 down; partition [\d, ]+ offline\.$/);
  });

  it('follows a record from the producer to a committed offset', () => {
    const { sim } = buildRun(valuesOf('steady'));
    sim.seek(300);
    const t = locateRecord(sim.state(), 0)!;
    expect(t.stage).toBe('offset-committed');
    expect(t.heldBy).toHaveLength(3);
  });
});
