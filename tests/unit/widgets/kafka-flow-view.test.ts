/** What the Message Flow island derives from a state: lanes of recent records, per-second outcomes, log lines. */
import { describe, expect, it } from 'vitest';
import { readUrlState } from '../../../src/widgets/ui/presets.ts';
import { buildRun, presets, schema } from '../../../src/widgets/kafka-flow/config.ts';
import { describeEvent, outcomesPerSecond, recentByPartition, recordGlyph } from '../../../src/widgets/kafka-flow/view.ts';

function at(id: string, tick: number) {
  const { sim } = buildRun(readUrlState(schema, presets, `preset=${id}`).values);
  sim.seek(tick);
  return sim;
}

describe('Message Flow view', () => {
  it('lanes hold the newest records of each partition, oldest first, at most n', () => {
    const s = at('steady', 300).state();
    const lanes = recentByPartition(s, 5);
    expect(lanes).toHaveLength(s.partitionCount);
    for (const [p, lane] of lanes.entries()) {
      const all = s.records.filter((r) => r.partition === p);
      expect(lane.map((r) => r.id)).toEqual(all.slice(-5).map((r) => r.id));
    }
  });

  it('per-second outcomes add up to the totals the model keeps', () => {
    const s = at('acks1-leader-stops', 600).state();
    const rows = outcomesPerSecond(s);
    expect(rows).toHaveLength(60);
    const sum = (k: 'acked' | 'failed' | 'lost') => rows.reduce((n, r) => n + r[k], 0);
    expect(sum('lost')).toBe(s.totals.lost);
    expect(sum('acked')).toBe(s.totals.acked + s.totals.sent - s.totals.lostAcked);
    expect(sum('acked') + sum('failed') + sum('lost') + s.totals.pending).toBe(s.totals.produced);
    expect(rows[20]!.lost).toBe(s.totals.lost); // all lost records were produced in the 21st second
    expect(s.records.filter((r) => r.lost).every((r) => recordGlyph(r) === '⚠')).toBe(true);
  });

  it('every event of every preset has a log line', () => {
    for (const p of presets) {
      const { sim, maxTicks } = buildRun(readUrlState(schema, presets, `preset=${p.id}`).values);
      sim.seek(maxTicks);
      for (const e of sim.events()) expect(describeEvent(e.event).text, e.event.kind).toMatch(/\.$/);
    }
  });
});
