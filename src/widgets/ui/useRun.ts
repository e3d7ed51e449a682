/**
 * The run an island's values describe, rebuilt when they change. A change (a control, or a
 * reader action written into the timed script) rebuilds the run from tick 0, so the hook seeks
 * it back to where the reader was: the new run replays to that moment exactly.
 */
import { useMemo, useState } from 'preact/hooks';

interface Run {
  sim: { ticks(): number; seek(tick: number): void };
  maxTicks: number;
}

export function useRun<V, R extends Run>(values: V, build: (values: V) => R, set: (patch: Partial<V>) => void): { run: R; change(patch: Partial<V>): void } {
  const run = useMemo(() => build(values), [JSON.stringify(values)]);
  const [resumeAt, setResumeAt] = useState<number | null>(null);
  if (resumeAt !== null && run.sim.ticks() !== resumeAt) {
    run.sim.seek(Math.min(resumeAt, run.maxTicks));
    setResumeAt(null);
  }
  const change = (patch: Partial<V>) => {
    setResumeAt(run.sim.ticks());
    set(patch);
  };
  return { run, change };
}
