/** Each Consumer Lag preset shows what its notice promises, run through the same code the island uses. */
import { describe, expect, it } from 'vitest';
import { readUrlState } from '../../../src/widgets/ui/presets.ts';
import { buildRun, parseScript, presets, schema, scriptToken, summarize, thresholdAlert, type LagValues } from '../../../src/widgets/kafka-lag/config.ts';
import type { LagSnapshot } from '../../../src/widgets/kafka/lag-simulation.ts';

const valuesOf = (id: string, extra = ''): LagValues => readUrlState(schema, presets, `preset=${id}${extra}`).values;

/** Runs a preset to its end and returns the state after every tick. */
function play(id: string, extra = ''): LagSnapshot[] {
  const { sim, maxTicks } = buildRun(valuesOf(id, extra));
  const out: LagSnapshot[] = [];
  for (let t = 0; t < maxTicks; t++) {
    sim.step(sim.tickMs);
    out.push(sim.state());
  }
  return out;
}
const at = (run: LagSnapshot[], seconds: number) => run[seconds - 1]!;
const statuses = (s: LagSnapshot) => s.partitions.map((p) => p.evaluation.status);

describe('Consumer Lag presets', () => {
  it('every preset id is unique and parses without notes', () => {
    expect(new Set(presets.map((p) => p.id)).size).toBe(presets.length);
    for (const p of presets) {
      const v = readUrlState(schema, presets, `preset=${p.id}`);
      expect(v.notes, p.id).toEqual([]);
      expect(parseScript(v.values.script).notes, p.id).toEqual([]);
    }
  });

  it('healthy: every partition stays OK', () => {
    const run = play('healthy');
    expect(run.every((s) => s.groupStatus === 'OK')).toBe(true);
    expect(Math.max(...run.map((s) => s.totalLag))).toBeGreaterThan(0);
  });

  it('falling behind: WARN once the window is full, and lag only grows', () => {
    const run = play('falling-behind');
    expect(run.at(-1)!.groupStatus).toBe('WARNING');
    expect(run.at(-1)!.totalLag).toBeGreaterThan(at(run, 60).totalLag);
  });

  it('crash: the session times out 45 s later and the survivors take over', () => {
    const run = play('crash');
    expect(at(run, 104).members.map((m) => m.id)).toEqual(['c1', 'c2', 'c3']);
    expect(at(run, 104).members.find((m) => m.id === 'c3')!.crashed).toBe(true);
    expect(at(run, 106).members.map((m) => m.id)).toEqual(['c1', 'c2']);
    expect(at(run, 200).partitions.every((p) => p.owner === 'c1' || p.owner === 'c2')).toBe(true);
  });

  it('slow member: only its partitions fall behind', () => {
    const end = play('slow-member').at(-1)!;
    const c2 = new Set(end.members.find((m) => m.id === 'c2')!.partitions);
    for (const p of end.partitions) {
      if (c2.has(p.partition)) expect(p.evaluation.status).toBe('WARNING');
      else expect(p.evaluation.status).toBe('OK');
    }
  });

  it('stops committing: STOP on the silent member\'s partitions', () => {
    const end = play('stops-committing').at(-1)!;
    const c2 = end.members.find((m) => m.id === 'c2')!.partitions;
    expect(c2.map((i) => end.partitions[i]!.evaluation.status)).toEqual(c2.map(() => 'STOP'));
    expect(end.groupStatus).toBe('ERROR');
  });

  it('trap: a zero-lag commit keeps a stuck consumer OK for about 20 minutes, and the threshold fires first', () => {
    const v = valuesOf('zero-lag-hides-stall');
    const run = play('zero-lag-hides-stall');
    // From the moment c1 gets stuck: the first tick Burrow says anything but OK, and the first alert.
    const firstStall = run.findIndex((s, i) => i >= 1200 && s.groupStatus !== 'OK') + 1;
    const firstAlert = run.findIndex((s, i) => i >= 1200 && thresholdAlert(s, v.threshold).firing) + 1;
    expect(statuses(at(run, 1200 + 15 * 60))).toEqual(['OK']);
    expect(at(run, 1200 + 15 * 60).totalLag).toBeGreaterThan(400);
    expect(firstStall - 1200).toBeGreaterThanOrEqual(18 * 60);
    expect(firstStall - 1200).toBeLessThanOrEqual(22 * 60);
    expect(statuses(run.at(-1)!)).toEqual(['STALL']);
    expect(firstAlert).toBeLessThan(firstStall);
  });

  it('trap: no WARN at 200,000 messages of lag', () => {
    const run = play('no-warn-at-200k');
    const big = run.filter((s) => s.totalLag > 200_000);
    expect(big.length).toBeGreaterThan(0);
    expect(big.filter((s) => s.groupStatus === 'OK').length).toBeGreaterThan(big.length / 2);
  });

  it('trap: a slow broker-offset refresh hides a group falling behind, which a per-second refresh shows', () => {
    const slow = play('slow-broker-refresh');
    const fast = play('slow-broker-refresh', '&refreshMs=1000');
    expect(slow.at(-1)!.totalLag).toBeGreaterThan(5000);
    expect(slow.filter((s) => s.groupStatus !== 'OK')).toHaveLength(0);
    expect(fast.at(-1)!.groupStatus).toBe('WARNING');
  });

  it('trap: a 2 s window reads the 6 s rebalance pause as STOP, which clears when commits resume', () => {
    const run = play('false-stop');
    expect(statuses(at(run, 29))).toEqual(['OK', 'OK', 'OK']);
    expect(run.slice(30, 40).some((s) => statuses(s).every((x) => x === 'STOP'))).toBe(true);
    expect(run.slice(60).some((s) => s.partitions.some((p) => p.evaluation.status === 'STOP'))).toBe(false);
  });

  it('trap: lag moves only at commits, and the half-empty window reports STOP early', () => {
    const run = play('lag-on-commit');
    const committedMax = Math.max(...run.map((s) => Math.max(...s.partitions.map((p) => p.lag))));
    expect(committedMax).toBeGreaterThanOrEqual(1700);
    // The consumers keep up: their positions stay within one tick's production of the log end.
    expect(run.every((s) => s.partitions.every((p) => p.logEndOffset - p.position <= 30))).toBe(true);
    expect(run.slice(60, 120).some((s) => s.groupStatus === 'ERROR')).toBe(true);
  });
});

describe('script and summary', () => {
  it('round-trips reader actions through script tokens', () => {
    const tokens = [scriptToken(60, { kind: 'crash', member: 'c2' }), scriptToken(90, { kind: 'behaviour', member: 'c1', behaviour: 'no-commit' }), scriptToken(5, { kind: 'produce-rate', rate: 80 })];
    expect(tokens).toEqual(['60:crash:c2', '90:nocommit:c1', '5:produce:80']);
    expect(parseScript(tokens).scheduled.map((s) => s.tick)).toEqual([60, 90, 5]);
  });

  it('skips bad script steps with a note', () => {
    const r = parseScript(['x:crash:c1', '10:explode:c1', '10:produce:-5', '10:crash:c1']);
    expect(r.scheduled).toHaveLength(1);
    expect(r.notes).toHaveLength(3);
  });

  it('summarizes the worst partition for screen readers', () => {
    const run = play('stops-committing');
    expect(summarize(run.at(-1)!, 1000)).toMatch(/^600 s: partition \d+ lag [\d,]+, status STOP; group ERROR; threshold alert (firing|quiet)\.$/);
  });
});

describe('safeBuildRun', () => {
  it('drops a script that names a member the group does not have, with a note', async () => {
    const { safeBuildRun } = await import('../../../src/widgets/kafka-lag/config.ts');
    const v = { ...valuesOf('crash'), members: 1 };
    const run = safeBuildRun(v);
    expect(run.error).toMatch(/c3/);
    expect(run.notes.at(-1)).toMatch(/^The script could not run: .*It was ignored\.$/);
    expect(run.sim.ticks()).toBe(0);
    run.sim.step(120_000);
    expect(run.sim.state().members.map((m) => m.id)).toEqual(['c1']);
  });
});
