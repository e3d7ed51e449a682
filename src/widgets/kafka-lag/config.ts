/**
 * The Consumer Lag simulator's controls, presets and timed script, as pure data and functions:
 * the island renders them, the route renders the default run at build time, and tests check
 * that each preset shows what its notice promises.
 */
import { createSimulation, withScript, type Scheduled, type Simulation } from '../ui/simulation.ts';
import type { Preset } from '../ui/presets.ts';
import { int, list, num, seedField, type Values } from '../ui/url-schema.ts';
import { lagModel, type LagAction, type LagModelConfig, type LagState } from '../kafka/lag-model.ts';
import type { LagEvent, LagSnapshot, MemberBehaviour } from '../kafka/lag-simulation.ts';

export const schema = {
  partitions: int(6, 1, 12),
  members: int(3, 0, 8),
  /** Messages per second produced to each partition. */
  produce: num(30, 0, 20_000),
  produceJitter: num(0.2, 0, 1),
  /** Messages per second one member processes, shared across its partitions. */
  consume: num(100, 0, 50_000),
  commitMs: int(5000, 100, 600_000),
  intervals: int(10, 2, 30),
  sessionMs: int(45_000, 1000, 600_000),
  rebalanceMs: int(3000, 0, 60_000),
  refreshMs: int(1000, 1000, 600_000),
  /** A fixed alert: fire when any partition's lag exceeds this many messages. */
  threshold: int(1000, 1, 100_000_000),
  minutes: int(10, 1, 60),
  /** Timed actions: "<second>:<verb>:<arg>", e.g. 60:crash:c2 (verbs below). */
  script: list([], 40),
  seed: seedField(),
};
export type LagValues = Values<typeof schema>;

const BEHAVIOURS: Record<string, MemberBehaviour> = { normal: 'normal', slow: 'slow', stuck: 'stuck', nocommit: 'no-commit' };
export const SCRIPT_VERBS = ['join', 'leave', 'crash', ...Object.keys(BEHAVIOURS), 'produce', 'consume'] as const;

/** Parses the script tokens into scheduled actions; a bad token is skipped with a note. */
export function parseScript(tokens: readonly string[], tickMs = 1000): { scheduled: Scheduled<LagAction>[]; notes: string[] } {
  const scheduled: Scheduled<LagAction>[] = [];
  const notes: string[] = [];
  for (const token of tokens) {
    const [at, verb, arg] = token.split(':');
    const seconds = Number(at);
    const action = toAction(verb ?? '', arg ?? '');
    if (!/^\d+$/.test(at ?? '') || action === null) {
      notes.push(`script step "${token}" is not valid (second:verb:argument, verbs ${SCRIPT_VERBS.join(', ')}); skipped.`);
      continue;
    }
    scheduled.push({ tick: Math.round((seconds * 1000) / tickMs), action });
  }
  return { scheduled, notes };
}

function toAction(verb: string, arg: string): LagAction | null {
  if (verb === 'join' || verb === 'leave' || verb === 'crash') return /^[\w.-]{1,20}$/.test(arg) ? { kind: verb, member: arg } : null;
  if (verb in BEHAVIOURS) return /^[\w.-]{1,20}$/.test(arg) ? { kind: 'behaviour', member: arg, behaviour: BEHAVIOURS[verb]! } : null;
  const rate = Number(arg);
  if ((verb === 'produce' || verb === 'consume') && arg !== '' && rate >= 0 && rate <= 50_000) return { kind: verb === 'produce' ? 'produce-rate' : 'consume-rate', rate };
  return null;
}

/** The token for an action taken by the reader at a second, so it can go into the link. */
export function scriptToken(second: number, action: LagAction): string {
  switch (action.kind) {
    case 'join':
    case 'leave':
    case 'crash':
      return `${second}:${action.kind}:${action.member}`;
    case 'behaviour':
      return `${second}:${action.behaviour === 'no-commit' ? 'nocommit' : action.behaviour}:${action.member}`;
    case 'produce-rate':
      return `${second}:produce:${action.rate}`;
    case 'consume-rate':
      return `${second}:consume:${action.rate}`;
    case 'reset-offset':
      return `${second}:reset:${action.partition}`;
  }
}

export const memberIds = (n: number): string[] => Array.from({ length: n }, (_, i) => `c${i + 1}`);

export function modelConfig(v: LagValues): LagModelConfig {
  return {
    partitions: v.partitions,
    members: memberIds(v.members),
    produceRate: v.produce,
    produceJitter: v.produceJitter,
    consumeRate: v.consume,
    commitIntervalMs: v.commitMs,
    intervals: v.intervals,
    sessionTimeoutMs: v.sessionMs,
    rebalanceMs: v.rebalanceMs,
    brokerRefreshMs: v.refreshMs,
  };
}

export type LagSim = Simulation<{ base: LagModelConfig; script: readonly Scheduled<LagAction>[] }, LagState, LagEvent, LagAction>;

const scriptedLag = withScript(lagModel);

/** The simulation these values describe, and how many ticks the run lasts. */
export function buildRun(v: LagValues): { sim: LagSim; maxTicks: number; notes: string[] } {
  const { scheduled, notes } = parseScript(v.script);
  const sim = createSimulation(scriptedLag, { base: modelConfig(v), script: scheduled }, v.seed);
  return { sim, maxTicks: Math.round((v.minutes * 60_000) / sim.tickMs), notes };
}

/**
 * buildRun, checked: the whole run is played once, so a script step the model refuses (a member
 * that is not in the group at that second) is reported as a note instead of breaking playback.
 */
export function safeBuildRun(v: LagValues): ReturnType<typeof buildRun> & { error: string | null } {
  try {
    const run = buildRun(v);
    run.sim.seek(run.maxTicks);
    run.sim.seek(0);
    return { ...run, error: null };
  } catch (e) {
    const fallback = buildRun({ ...v, script: [] });
    return { ...fallback, notes: [...fallback.notes, `The script could not run: ${(e as Error).message}. It was ignored.`], error: (e as Error).message };
  }
}

/** The fixed-threshold alert the simulator shows beside Burrow's verdict. */
export function thresholdAlert(s: LagSnapshot, threshold: number): { firing: boolean; partitions: number[] } {
  const partitions = s.partitions.filter((p) => p.evaluation.currentLag > threshold).map((p) => p.partition);
  return { firing: partitions.length > 0, partitions };
}

/** The sentence a screen reader hears: the worst partition, its lag and status, and the group's. */
export function summarize(s: LagSnapshot, threshold: number): string {
  const worst = [...s.partitions].sort((a, b) => b.evaluation.currentLag - a.evaluation.currentLag)[0];
  const alert = thresholdAlert(s, threshold).firing ? 'threshold alert firing' : 'threshold alert quiet';
  const seconds = Math.round(s.timeMs / 1000);
  if (!worst) return `${seconds} s: no partitions.`;
  return `${seconds} s: partition ${worst.partition} lag ${worst.evaluation.currentLag.toLocaleString('en-US')}, status ${worst.evaluation.status}; group ${s.groupStatus}; ${alert}.`;
}

export const presets: readonly Preset<typeof schema>[] = [
  {
    id: 'healthy',
    title: 'A healthy group',
    notice: 'Lag rises between commits and drops at each one: a saw-tooth with every partition OK is what normal looks like.',
    values: {},
  },
  {
    id: 'falling-behind',
    title: 'Producers faster than consumers',
    notice: 'Each member needs 120 messages per second and processes 100: lag never goes down, so Burrow says WARN once its window is full.',
    values: { produce: 60, produceJitter: 0 },
  },
  {
    id: 'crash',
    title: 'A member crashes',
    notice: 'c3 dies at 60 s: its partitions stall for the 45 s session timeout, then a rebalance pauses everyone before c1 and c2 share the backlog.',
    values: { script: ['60:crash:c3'] },
  },
  {
    id: 'slow-member',
    title: 'One slow member',
    notice: 'c2 slows to a quarter of its rate at 60 s: only its partitions fall behind, which a group-wide average would hide.',
    values: { script: ['60:slow:c2'] },
  },
  {
    id: 'stops-committing',
    title: 'A member stops committing',
    notice: 'c2 keeps processing but stops committing at 60 s: Burrow reports STOP once the silence outlasts the span of its window.',
    values: { script: ['60:nocommit:c2'] },
  },
  {
    id: 'zero-lag-hides-stall',
    title: 'Trap: a zero-lag commit hides a stuck consumer',
    notice: 'With a commit every 2 minutes and 10 intervals, the stuck consumer stays OK for about 20 minutes while lag grows: one zero-lag commit left in the window is enough. The fixed threshold fires first.',
    values: { partitions: 1, members: 1, produce: 0.5, produceJitter: 0, consume: 50, commitMs: 120_000, threshold: 100, minutes: 45, script: ['1200:stuck:c1'] },
  },
  {
    id: 'no-warn-at-200k',
    title: 'Trap: no WARN at 200,000 messages of lag',
    notice: 'The consumer is 200 messages per second short, but noisy traffic makes the lag dip between some commits, so Burrow keeps saying OK as lag passes 200,000.',
    values: { partitions: 1, members: 1, produce: 6000, produceJitter: 0.5, consume: 5800, threshold: 50_000, minutes: 25 },
  },
  {
    id: 'slow-broker-refresh',
    title: 'Trap: broker offsets refreshed slower than commits',
    notice: 'Burrow fetches log-end offsets once a minute here, so commits are judged against stale offsets and read as zero lag: a group falling behind stays OK.',
    values: { partitions: 2, members: 2, produce: 50, produceJitter: 0, consume: 40, refreshMs: 60_000 },
  },
  {
    id: 'false-stop',
    title: 'Trap: a short window turns a pause into STOP',
    notice: 'With commits every second and 3 intervals the window spans 2 s, so the 6 s rebalance pause when c4 joins at 30 s reads as STOP on every partition.',
    values: { partitions: 3, members: 3, produce: 20, produceJitter: 0.3, consume: 24, commitMs: 1000, intervals: 3, rebalanceMs: 6000, minutes: 2, script: ['30:join:c4'] },
  },
  {
    id: 'lag-on-commit',
    title: 'Trap: lag only moves when offsets are committed',
    notice: 'Commits every 60 s make committed lag climb to 1,800 between commits although the consumers keep up, and the half-empty window reports STOP early on.',
    values: { partitions: 2, members: 2, produce: 30, produceJitter: 0, commitMs: 60_000, minutes: 5 },
  },
];
