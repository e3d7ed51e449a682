import { describe, expect, it } from 'vitest';
import { readUrlState } from '../../../src/widgets/ui/presets.ts';
import { buildRun, parseScript, presets, schema, scriptToken } from '../../../src/widgets/kafka-rebalance/config.ts';
import type { RebalanceState } from '../../../src/widgets/kafka/rebalance-model.ts';

function end(id: string): RebalanceState {
  const v = readUrlState(schema, presets, `preset=${id}`).values;
  const { sim, maxTicks, notes } = buildRun(v);
  expect(notes).toEqual([]);
  sim.seek(maxTicks);
  return sim.state();
}
const lane = (s: RebalanceState, strategy: string) => s.lanes.find((l) => l.strategy === strategy)!;

describe('Kafka Rebalance presets', () => {
  it('each preset parses cleanly', () => {
    for (const p of presets) expect(readUrlState(schema, presets, `preset=${p.id}`).notes, p.id).toEqual([]);
  });

  it('scale-out: eager pauses all six partitions, cooperative only the one that moves', () => {
    const s = end('scale-out');
    expect(lane(s, 'range').rebalances[0]!.pausedPartitionSeconds).toBe(6 * 3);
    expect(lane(s, 'cooperative-sticky').rebalances[0]!.moved).toBe(1);
    expect(lane(s, 'cooperative-sticky').rebalances[0]!.pausedPartitionSeconds).toBe(1 * 3);
  });

  it('range-reshuffle: range moves six, the sticky strategies three', () => {
    const s = end('range-reshuffle');
    expect(lane(s, 'range').rebalances[0]!.moved).toBe(6);
    expect(lane(s, 'sticky').rebalances[0]!.moved).toBe(3);
    expect(lane(s, 'cooperative-sticky').rebalances[0]!.moved).toBe(3);
  });

  it('crash: the session timeout costs the same in every lane', () => {
    const s = end('crash');
    const beforeRebalance = s.lanes.map((l) => l.pausedPartitionSeconds - l.rebalances.reduce((t, r) => t + r.pausedPartitionSeconds, 0));
    expect(new Set(beforeRebalance).size).toBe(1);
    expect(beforeRebalance[0]).toBe(2 * 45);
  });

  it('poll-timeout: the member leaves after 60 s', () => {
    const s = end('poll-timeout');
    expect(s.members.find((m) => m.id === 'c1')!.inGroup).toBe(false);
    expect(lane(s, 'range').rebalances[0]!.startMs).toBe(70_000);
  });

  it('rolling restarts: six rebalances for dynamic members, none for static ones', () => {
    for (const l of end('rolling-restart').lanes) expect(l.rebalances).toHaveLength(6);
    const st = end('rolling-restart-static');
    for (const l of st.lanes) {
      expect(l.rebalances).toHaveLength(0);
      expect(l.pausedPartitionSeconds).toBe(3 * 2 * 20);
    }
  });

  it('idle consumers: members beyond the partition count own nothing', () => {
    const s = end('idle-consumers');
    for (const l of s.lanes) expect(l.idle).toHaveLength(1); // 5 members left on 4 partitions
  });

  it('script tokens round-trip, bad ones become notes', () => {
    const t = [scriptToken(10, { kind: 'restart', member: 'c1', downtimeMs: 20_000 }), scriptToken(5, { kind: 'poll-stall', member: 'c2' })];
    expect(t).toEqual(['10:restart:c1:20', '5:stall:c2']);
    expect(parseScript(t).scheduled).toEqual([
      { tick: 10, action: { kind: 'restart', member: 'c1', downtimeMs: 20_000 } },
      { tick: 5, action: { kind: 'poll-stall', member: 'c2' } },
    ]);
    expect(parseScript(['x', '1:restart:c1', '1:explode:c1']).notes).toHaveLength(3);
  });

  it('a script naming a missing member is ignored with a note', () => {
    const v = { ...readUrlState(schema, presets, 'preset=crash').values, members: 1 };
    const run = buildRun(v);
    expect(run.notes.at(-1)).toMatch(/^The script could not run: no member c2\. It was ignored\.$/);
  });
});
