/**
 * The Kafka Message Flow simulator's controls, timed script and presets, as pure data and functions: the
 * island renders them, the route renders the default run at build time, and tests check that each preset
 * shows what its notice promises.
 */
import { createSimulation, withScript, type Scheduled, type Simulation } from '../ui/simulation.ts';
import type { Preset } from '../ui/presets.ts';
import { bool, defaults, int, list, num, oneOf, seedField, type Values } from '../ui/url-schema.ts';
import { formatCount } from './view.ts';
import { flowModel, type Acks, type FlowAction, type FlowConfig, type FlowEvent, type FlowState, type KeyMode } from '../kafka/flow-model.ts';

export const TICK_MS = 100;

export const schema = {
  brokers: int(3, 3, 5),
  partitions: int(6, 1, 12),
  rf: int(3, 1, 3),
  /** min.insync.replicas (Kafka's default 1). */
  minIsr: int(1, 1, 3),
  acks: oneOf<Acks>('all', ['0', '1', 'all']),
  unclean: bool(false),
  /** How often followers fetch from their leader (the model's own knob; real followers fetch continuously). */
  fetchMs: int(100, 100, 5000),
  producers: int(2, 0, 5),
  /** Records per second, per producer. */
  rate: num(5, 0, 30),
  /** How keys are drawn when no fixed `keys` list is given. */
  keyMode: oneOf('uniform', ['uniform', 'zipf', 'keyless'] as const),
  keyCount: int(20, 1, 1000),
  zipf: num(1.2, 0.1, 4),
  /** A fixed key set, cycled across producers: when present the key mode is "fixed". */
  keys: list([], 24),
  sticky: oneOf('kip-794', ['kip-794', 'kip-480'] as const),
  consumers: int(2, 0, 6),
  autoCommit: bool(true),
  commitMs: int(5000, 100, 60_000),
  pollMs: int(500, 100, 5000),
  maxPoll: int(500, 1, 1000),
  sessionMs: int(45_000, 1000, 120_000),
  /** Run length: the model keeps every record, so runs stay short enough for exact step-back. */
  minutes: int(2, 1, 5),
  /** Timed actions: "<second>:<verb>[:<arg>]", e.g. 20:down:1 (verbs below). */
  script: list([], 40),
  seed: seedField(),
};
export type FlowValues = Values<typeof schema>;
export type KeyModeName = FlowValues['keyMode'] | 'fixed';

export const SCRIPT_VERBS = ['down', 'up', 'stall', 'unstall', 'elect', 'partitions', 'acks', 'minisr', 'rate', 'join', 'leave', 'crash'] as const;

const member = /^[\w.-]{1,20}$/;
const whole = /^\d+$/;

function toAction(verb: string, arg: string): FlowAction | null {
  switch (verb) {
    case 'down':
    case 'up':
      return whole.test(arg) ? { kind: verb === 'down' ? 'broker-down' : 'broker-up', broker: Number(arg) } : null;
    case 'stall':
    case 'unstall':
      return whole.test(arg) ? { kind: 'broker-stall', broker: Number(arg), stalled: verb === 'stall' } : null;
    case 'elect':
      return arg === '' ? { kind: 'preferred-election' } : null;
    case 'partitions':
      return whole.test(arg) ? { kind: 'add-partitions', count: Number(arg) } : null;
    case 'acks':
      return arg === '0' || arg === '1' || arg === 'all' ? { kind: 'set-acks', acks: arg } : null;
    case 'minisr':
      return whole.test(arg) ? { kind: 'set-min-insync', value: Number(arg) } : null;
    case 'rate': {
      const rate = Number(arg);
      return arg !== '' && rate >= 0 && rate <= 30 ? { kind: 'set-rate', rate } : null;
    }
    case 'join':
    case 'leave':
    case 'crash':
      return member.test(arg) ? { kind: verb === 'join' ? 'member-join' : verb === 'leave' ? 'member-leave' : 'member-crash', member: arg } : null;
  }
  return null;
}

/** Parses script tokens (seconds with up to one decimal, so any 100 ms tick can be named); a bad token is skipped with a note. */
export function parseScript(tokens: readonly string[]): { scheduled: Scheduled<FlowAction>[]; notes: string[] } {
  const scheduled: Scheduled<FlowAction>[] = [];
  const notes: string[] = [];
  for (const token of tokens) {
    const [at = '', verb = '', arg = ''] = token.split(':');
    const action = toAction(verb, arg);
    if (!/^\d+(\.\d)?$/.test(at) || action === null) {
      notes.push(`script step "${token}" is not valid (second:verb:argument, verbs ${SCRIPT_VERBS.join(', ')}); skipped.`);
      continue;
    }
    scheduled.push({ tick: Math.round((Number(at) * 1000) / TICK_MS), action });
  }
  return { scheduled, notes };
}

/** The token for an action the reader takes at a time, so it goes into the link. */
export function scriptToken(timeMs: number, a: FlowAction): string {
  const at = String(Math.round(timeMs / TICK_MS) / 10);
  switch (a.kind) {
    case 'broker-down':
      return `${at}:down:${a.broker}`;
    case 'broker-up':
      return `${at}:up:${a.broker}`;
    case 'broker-stall':
      return `${at}:${a.stalled ? 'stall' : 'unstall'}:${a.broker}`;
    case 'preferred-election':
      return `${at}:elect`;
    case 'add-partitions':
      return `${at}:partitions:${a.count}`;
    case 'set-acks':
      return `${at}:acks:${a.acks}`;
    case 'set-min-insync':
      return `${at}:minisr:${a.value}`;
    case 'set-rate':
      return `${at}:rate:${a.rate}`;
    case 'member-join':
      return `${at}:join:${a.member}`;
    case 'member-leave':
      return `${at}:leave:${a.member}`;
    case 'member-crash':
      return `${at}:crash:${a.member}`;
  }
}

export const memberIds = (n: number): string[] => Array.from({ length: n }, (_, i) => `c${i + 1}`);

export function keyModeName(v: FlowValues): KeyModeName {
  return v.keys.length > 0 ? 'fixed' : v.keyMode;
}

export function keyMode(v: FlowValues): KeyMode {
  if (v.keys.length > 0) return { kind: 'fixed', keys: v.keys };
  if (v.keyMode === 'zipf') return { kind: 'zipf', count: v.keyCount, exponent: v.zipf };
  if (v.keyMode === 'keyless') return { kind: 'keyless', sticky: v.sticky };
  return { kind: 'uniform', count: v.keyCount };
}

export function modelConfig(v: FlowValues): FlowConfig {
  return {
    brokers: v.brokers,
    partitions: v.partitions,
    replicationFactor: v.rf,
    minInsyncReplicas: v.minIsr,
    uncleanLeaderElection: v.unclean,
    replicaFetchIntervalMs: v.fetchMs,
    // Fixed placement (partition 0 led by broker 1), so presets and articles can name brokers.
    replicaStartIndex: 0,
    acks: v.acks,
    producers: v.producers,
    producerRate: v.rate,
    keys: keyMode(v),
    consumers: memberIds(v.consumers),
    pollIntervalMs: v.pollMs,
    maxPollRecords: v.maxPoll,
    autoCommit: v.autoCommit,
    autoCommitIntervalMs: v.commitMs,
    sessionTimeoutMs: v.sessionMs,
    tickMs: TICK_MS,
  };
}

export type FlowSim = Simulation<{ base: FlowConfig; script: readonly Scheduled<FlowAction>[] }, FlowState, FlowEvent, FlowAction>;
const scripted = withScript(flowModel);

export function buildRun(v: FlowValues): { sim: FlowSim; maxTicks: number; notes: string[] } {
  const { scheduled, notes } = parseScript(v.script);
  const sim = createSimulation(scripted, { base: modelConfig(v), script: scheduled }, v.seed);
  return { sim, maxTicks: Math.round((v.minutes * 60_000) / TICK_MS), notes };
}

/**
 * buildRun, checked. The model turns an impossible action into a "rejected" event, so only a configuration
 * outside the model's ranges can fail (not reachable through the schema, which is stricter); then the
 * defaults run, with a note.
 */
export function safeBuildRun(v: FlowValues): ReturnType<typeof buildRun> & { error: string | null } {
  try {
    return { ...buildRun(v), error: null };
  } catch (e) {
    const run = buildRun(defaults(schema));
    return { ...run, notes: [...run.notes, `These settings cannot run: ${(e as Error).message}. Showing the defaults.`], error: (e as Error).message };
  }
}

const fmt = formatCount;

/** The sentence a screen reader hears. */
export function summarize(s: FlowState): string {
  const t = s.totals;
  const failed = Object.values(t.failed).reduce((a, b) => a + b, 0);
  const offline = s.partitions.filter((p) => !p.available).map((p) => p.id);
  const down = s.brokers.filter((b) => !b.alive).map((b) => b.id);
  return (
    `${(s.timeMs / 1000).toFixed(1)} s: ${fmt(t.produced)} produced, ${fmt(t.acked)} acknowledged, ${fmt(failed)} failed, ` +
    `${fmt(t.lostAcked)} acknowledged records lost, ${fmt(t.duplicates)} duplicates, ${fmt(t.orderingViolations)} ordering violations` +
    (down.length ? `; broker ${down.join(', ')} down` : '') +
    (offline.length ? `; partition ${offline.join(', ')} offline` : '') +
    '.'
  );
}

export const presets: readonly Preset<typeof schema>[] = [
  {
    id: 'steady',
    title: 'A healthy cluster',
    notice: 'Each key always lands on the same partition (murmur2 of the key), and with acks=all a record is acknowledged only once every in-sync replica has it.',
    values: {},
  },
  {
    id: 'acks1-leader-stops',
    title: 'acks=1: the leader stops',
    notice: 'Followers fetch once a second here. Broker 1 stops at 20.9 s: records it had acknowledged but not yet replicated are lost when a follower takes over.',
    values: { acks: '1', fetchMs: 1000, rate: 10, script: ['20.9:down:1'] },
  },
  {
    id: 'acks-all-leader-stops',
    title: 'acks=all: the same failure',
    notice: 'The same stop with acks=all: the records the followers lacked were never acknowledged, so the producer got NOT_LEADER_OR_FOLLOWER (and would retry); no acknowledged record is lost.',
    values: { acks: 'all', fetchMs: 1000, rate: 10, script: ['20.9:down:1'] },
  },
  {
    id: 'min-insync',
    title: 'min.insync.replicas=2: refuse rather than lose',
    notice: 'Brokers 2 and 3 stop at 10 s and 20 s: with one replica left in sync, acks=all writes fail with NOT_ENOUGH_REPLICAS instead of being kept on a single copy. Broker 3 returns at 40 s and writes succeed again.',
    values: { minIsr: 2, script: ['10:down:2', '20:down:3', '40:up:3'] },
  },
  {
    id: 'offline',
    title: 'Replication factor 1: a partition goes offline',
    notice: 'With one replica per partition, stopping broker 2 at 10 s leaves its partitions without a leader: keyed records for them fail with LEADER_NOT_AVAILABLE, because the key pins the partition.',
    values: { rf: 1, script: ['10:down:2', '40:up:2'] },
  },
  {
    id: 'crash-duplicates',
    title: 'A consumer crashes between auto-commits',
    notice: 'c2 crashes at 23 s, three seconds after its last auto-commit: its partitions wait out the 45 s session timeout, then c1 re-reads from the committed offset and gets those records again, marked as duplicates.',
    values: { script: ['23:crash:c2'] },
  },
  {
    id: 'crash-manual-commit',
    title: 'The same crash with a commit after every poll',
    notice: 'With enable.auto.commit=false and a commitSync after each poll, c1 resumes exactly where c2 stopped: no duplicates.',
    values: { autoCommit: false, script: ['23:crash:c2'] },
  },
  {
    id: 'hot-key',
    title: 'A hot key makes a hot partition',
    notice: 'Keys follow a Zipf distribution: key-0 alone is about a quarter of the traffic and all of it goes to one partition, which stays the hottest even with twice the partitions.',
    values: { keyMode: 'zipf', keyCount: 50, zipf: 1.1, rate: 20 },
  },
  {
    id: 'keyless-sticky',
    title: 'No keys: the sticky partitioner',
    notice: 'Without keys each producer fills a batch on one partition before moving on, so records arrive in runs, yet over the run every partition gets a similar share.',
    values: { keyMode: 'keyless', rate: 20 },
  },
  {
    id: 'add-partitions',
    title: 'Adding partitions breaks per-key order',
    notice: 'A slow consumer has a backlog on 2 partitions when the topic grows to 3 at 5 s: keys that now hash elsewhere have new records read before their older ones, flagged as ordering violations.',
    values: { partitions: 2, consumers: 1, maxPoll: 3, rate: 15, keys: ['a', 'b', 'c', 'd', 'e', 'f'], script: ['5:partitions:3'] },
  },
];
