/**
 * The Kafka Rebalance simulator's controls, timed membership script and presets: pure data the
 * island renders, the route renders statically, and tests check against what each preset promises.
 */
import { createSimulation, withScript, type Scheduled, type Simulation } from '../ui/simulation.ts';
import type { Preset } from '../ui/presets.ts';
import { bool, int, list, num, oneOf, type Values } from '../ui/url-schema.ts';
import { rebalanceModel, type RebalanceAction, type RebalanceConfig, type RebalanceEvent, type RebalanceState } from '../kafka/rebalance-model.ts';

export const schema = {
  partitions: int(6, 1, 24),
  members: int(3, 0, 12),
  staticMembers: bool(false),
  /** The eager strategy shown in the lane beside cooperative-sticky. */
  eager: oneOf('range', ['range', 'roundrobin', 'sticky'] as const),
  sessionMs: int(45_000, 1000, 600_000),
  pollMs: int(300_000, 1000, 3_600_000),
  roundMs: int(3000, 0, 60_000),
  produce: num(100, 0, 100_000),
  minutes: int(3, 1, 30),
  /** "<second>:<verb>:<member>[:<downtime s>]", verbs join, leave, kill, stall, restart. */
  script: list([], 40),
};
export type RebalanceValues = Values<typeof schema>;

const VERBS = { join: 'join', leave: 'leave', kill: 'kill', stall: 'poll-stall', restart: 'restart' } as const;

export function parseScript(tokens: readonly string[]): { scheduled: Scheduled<RebalanceAction>[]; notes: string[] } {
  const scheduled: Scheduled<RebalanceAction>[] = [];
  const notes: string[] = [];
  for (const token of tokens) {
    const [at, verb, member, downtime] = token.split(':');
    const kind = VERBS[verb as keyof typeof VERBS];
    const ok = /^\d+$/.test(at ?? '') && kind !== undefined && /^[\w.-]{1,20}$/.test(member ?? '') && (kind !== 'restart' || /^\d+$/.test(downtime ?? ''));
    if (!ok) {
      notes.push(`script step "${token}" is not valid (second:verb:member, verbs ${Object.keys(VERBS).join(', ')}; restart takes :downtime seconds); skipped.`);
      continue;
    }
    const action: RebalanceAction = kind === 'restart' ? { kind, member: member!, downtimeMs: Number(downtime) * 1000 } : { kind, member: member! };
    scheduled.push({ tick: Number(at), action });
  }
  return { scheduled, notes };
}

export function scriptToken(second: number, a: RebalanceAction): string {
  const verb = (Object.keys(VERBS) as (keyof typeof VERBS)[]).find((k) => VERBS[k] === a.kind)!;
  return a.kind === 'restart' ? `${second}:${verb}:${a.member}:${Math.round(a.downtimeMs / 1000)}` : `${second}:${verb}:${a.member}`;
}

export function modelConfig(v: RebalanceValues): Partial<RebalanceConfig> {
  return {
    partitions: v.partitions,
    members: v.members,
    staticMembers: v.staticMembers,
    sessionTimeoutMs: v.sessionMs,
    maxPollIntervalMs: v.pollMs,
    roundMs: v.roundMs,
    produceRate: v.produce,
    tickMs: 1000,
  };
}

export type RebalanceSim = Simulation<{ base: Partial<RebalanceConfig>; script: readonly Scheduled<RebalanceAction>[] }, RebalanceState, RebalanceEvent, RebalanceAction>;
const scripted = withScript(rebalanceModel);

/** The run these values describe, played once so a script step the model refuses becomes a note. */
export function buildRun(v: RebalanceValues): { sim: RebalanceSim; maxTicks: number; notes: string[] } {
  const { scheduled, notes } = parseScript(v.script);
  const maxTicks = v.minutes * 60;
  try {
    const sim = createSimulation(scripted, { base: modelConfig(v), script: scheduled }, 0);
    sim.seek(maxTicks);
    sim.seek(0);
    return { sim, maxTicks, notes };
  } catch (e) {
    const sim = createSimulation(scripted, { base: modelConfig(v), script: [] }, 0);
    return { sim, maxTicks, notes: [...notes, `The script could not run: ${(e as Error).message}. It was ignored.`] };
  }
}

export function summarize(s: RebalanceState, eager: RebalanceValues['eager']): string {
  const e = s.lanes.find((l) => l.strategy === eager)!;
  const c = s.lanes.find((l) => l.strategy === 'cooperative-sticky')!;
  const state = (l: typeof e) => (l.round === null ? 'stable' : `rebalancing, round ${l.round}`);
  return `${Math.round(s.timeMs / 1000)} s: ${eager} ${state(e)}, ${fmt(e.pausedPartitionSeconds)} partition-seconds paused; cooperative-sticky ${state(c)}, ${fmt(c.pausedPartitionSeconds)} paused.`;
}

const fmt = (n: number) => Math.round(n).toLocaleString('en-US');

export const presets: readonly Preset<typeof schema>[] = [
  {
    id: 'scale-out',
    title: 'Add a consumer',
    notice: 'c4 joins at 10 s: the eager lane stops all six partitions for the round, the cooperative lane keeps five running and pauses only the one that moves.',
    values: { script: ['10:join:c4'] },
  },
  {
    id: 'range-reshuffle',
    title: 'Range moves more than it must',
    notice: 'On 12 partitions, giving c4 its three makes range move six; sticky and cooperative-sticky move only the three c4 needs.',
    values: { partitions: 12, script: ['10:join:c4'] },
  },
  {
    id: 'crash',
    title: 'A consumer dies',
    notice: 'c2 is killed at 10 s: its partitions stop for the whole 45 s session timeout before any rebalance starts, in every lane alike.',
    values: { script: ['10:kill:c2'] },
  },
  {
    id: 'poll-timeout',
    title: 'A consumer stops polling',
    notice: 'c1 keeps heartbeating but its processing hangs at 10 s: its partitions stop until max.poll.interval.ms (60 s here) expires and it leaves.',
    values: { pollMs: 60_000, script: ['10:stall:c1'] },
  },
  {
    id: 'rolling-restart',
    title: 'Rolling restart, dynamic members',
    notice: 'Each of the three restarts costs two rebalances (leave, then rejoin): six in all, each one stopping the eager lane completely.',
    values: { minutes: 4, script: ['10:restart:c1:20', '70:restart:c2:20', '130:restart:c3:20'] },
  },
  {
    id: 'rolling-restart-static',
    title: 'Rolling restart, static members',
    notice: 'With group.instance.id set, a member back within the session timeout gets its partitions back without any rebalance: only its own partitions pause, for its 20 s of downtime.',
    values: { minutes: 4, staticMembers: true, script: ['10:restart:c1:20', '70:restart:c2:20', '130:restart:c3:20'] },
  },
  {
    id: 'idle-consumers',
    title: 'More consumers than partitions',
    notice: 'Four partitions, six consumers: two members own nothing in every strategy. Adding consumers beyond the partition count adds no throughput.',
    values: { partitions: 4, members: 6, script: ['30:kill:c1'] },
  },
];
