/**
 * Kafka Message Flow: producers, a replicated topic on a few brokers and a consumer group, drawn from the flow
 * model through the kit. Every reader action goes into the timed script (and so into the link), and the run is
 * rebuilt and replayed to the current tick, so a link shows exactly what its sender saw.
 */
import { Fragment, type VNode } from 'preact';
import { useMemo, useRef, useState } from 'preact/hooks';
import { LineChart, type Series } from '../ui/LineChart.tsx';
import { NumberField } from '../ui/NumberField.tsx';
import { PlayBar } from '../ui/PlayBar.tsx';
import { SimFrame, type LogLine, type Metric } from '../ui/SimFrame.tsx';
import { StaticFallback } from '../ui/StaticFallback.tsx';
import { useMounted } from '../ui/useMounted.ts';
import { useRun } from '../ui/useRun.ts';
import { presetStart } from '../ui/presets.ts';
import { useUrlState } from '../ui/useUrlState.ts';
import { usePlayer } from '../ui/usePlayer.ts';
import { useOnScreen, useReducedMotion } from '../ui/useVisibility.ts';
import { locateRecord, MAX_PARTITIONS, PRODUCE_ERRORS, type FlowAction, type FlowRecord, type FlowState } from '../kafka/flow-model.ts';
import { keyModeName, memberIds, presets, safeBuildRun, schema, scriptToken, summarize, type FlowValues, type KeyModeName } from './config.ts';
import {
  describeEvent,
  describeRecord,
  formatCount,
  HEAT_COLUMNS,
  outcomesPerSecond,
  recentByPartition,
  recordGlyph,
  recordState,
  STAGE_ENDS,
  STAGES,
} from './view.ts';

interface Props {
  /** The preset a lesson embeds; the page's own URL overrides it on the simulator page. */
  preset?: string;
  /** Embedded in a lesson: do not write the page URL. */
  embedded?: boolean;
}

const fmt = formatCount;
const clock = (ms: number) => `${Math.floor(ms / 60_000)}:${(Math.floor(ms / 100) / 10 % 60).toFixed(1).padStart(4, '0')}`;

export default function MessageFlow(props: Props) {
  return useMounted() ? <LiveMessageFlow {...props} /> : <StaticMessageFlow {...props} />;
}

/** The preset run to its end: what readers without JavaScript and search engines get. */
function StaticMessageFlow({ preset }: Props) {
  const { values: v, preset: p } = presetStart(schema, presets, preset);
  const run = safeBuildRun(v);
  run.sim.seek(run.maxTicks);
  const s = run.sim.state();
  return (
    <StaticFallback title={`${p.title}: the run at ${clock(s.timeMs)}`} notice={p.notice}>
      <Cluster s={s} lanes={recentByPartition(s)} />
      <p>{summarize(s)}</p>
      <Heatmap s={s} />
      <OutcomeChart s={s} seconds={v.minutes * 60} />
    </StaticFallback>
  );
}

function OutcomeChart({ s, seconds }: { s: FlowState; seconds: number }) {
  const rows = outcomesPerSecond(s);
  const series: Series[] = [
    { name: 'Acknowledged (or sent, acks=0)', points: rows.map((r) => [r.second, r.acked] as const) },
    { name: 'Failed with an error', points: rows.map((r) => [r.second, r.failed] as const) },
    { name: 'Lost', points: rows.map((r) => [r.second, r.lost] as const) },
  ];
  return <LineChart title="What became of each second's records" series={series} xUnit="seconds (when produced)" yUnit="records" xDomain={[0, seconds]} />;
}

interface ClusterProps {
  s: FlowState;
  lanes: FlowRecord[][];
  followId?: number | null;
  onFollow?: (id: number) => void;
  act?: (a: FlowAction) => void;
}

/** Partitions as rows, brokers as columns: each replica's role and log end, then the partition's latest records. */
function Cluster({ s, lanes, followId = null, onFollow, act }: ClusterProps) {
  const g = s.group;
  return (
    <table class="mf-cluster">
      <caption>
        Partitions on brokers: each replica is the leader (L), an in-sync follower (ISR), an out-of-sync follower (out) or stopped, with its log end offset; below each partition, its latest records
      </caption>
      <thead>
        <tr>
          <th scope="col">Partition</th>
          {s.brokers.map((b) => (
            <th scope="col" class="mf-broker" data-alive={b.alive ? '' : undefined}>
              <span class="mf-broker-name">Broker {b.id}</span>
              <span class="mf-broker-state">{!b.alive ? 'stopped' : b.stalled ? 'not fetching' : 'up'}</span>
              {act && (
                <span class="mf-broker-actions">
                  <button type="button" class="kit-btn" onClick={() => act({ kind: b.alive ? 'broker-down' : 'broker-up', broker: b.id })}>
                    {b.alive ? 'Stop' : 'Start'} <span class="kit-visually-hidden">broker {b.id}</span>
                  </button>
                  {b.alive && (
                    <button type="button" class="kit-btn" aria-pressed={b.stalled} onClick={() => act({ kind: 'broker-stall', broker: b.id, stalled: !b.stalled })}>
                      Stall <span class="kit-visually-hidden">broker {b.id}'s fetching</span>
                    </button>
                  )}
                </span>
              )}
            </th>
          ))}
          <th scope="col">High watermark</th>
          <th scope="col">Consumer, lag</th>
        </tr>
      </thead>
      <tbody>
        {s.partitions.map((p) => {
          const owner = g.owner[p.id] ?? null;
          const crashed = g.members.find((m) => m.id === owner)?.status === 'crashed';
          const lag = g.lag[p.id];
          return (
            <Fragment key={p.id}>
              <tr data-partition-row={p.id} data-available={p.available ? '' : undefined}>
                <th scope="row">
                  P{p.id}
                  <span class="mf-sub">
                    {p.available ? `epoch ${p.epoch}` : 'OFFLINE'}
                    {p.available && p.underMinIsr && s.acks === 'all' ? ', under min ISR' : ''}
                  </span>
                </th>
                {s.brokers.map((b) => {
                  const r = p.replicaStates.find((x) => x.broker === b.id);
                  if (!r) return <td class="mf-replica" data-role="none" />;
                  const role = !r.alive ? 'down' : p.leader === b.id ? 'leader' : r.inIsr ? 'isr' : 'out';
                  const label = { down: 'stopped', leader: 'L', isr: 'ISR', out: 'out' }[role];
                  return (
                    <td class="mf-replica" data-role={role}>
                      <span class="mf-role">{label}</span> <span class="mf-leo">{fmt(r.leo)}</span>
                    </td>
                  );
                })}
                <td class="mf-num">{p.available ? fmt(p.hw) : '—'}</td>
                <td>
                  {owner === null ? 'none' : `${owner}${crashed ? ' (crashed)' : ''}`}
                  <span class="mf-sub">{lag === null || lag === undefined ? 'no leader' : `lag ${fmt(lag)}`}</span>
                </td>
              </tr>
              {/* The partition's latest records get a row of their own, so the table stays narrow. */}
              <tr class="mf-lane-row">
                <td colSpan={s.brokers.length + 3} class="mf-lane">
                  <ol class="mf-records" aria-label={`Latest records of P${p.id}`}>
                    {(lanes[p.id] ?? []).map((r) => (
                      chip(r, r.id === followId, onFollow)
                    ))}
                  </ol>
                </td>
              </tr>
            </Fragment>
          );
        })}
      </tbody>
    </table>
  );
}

// Records are replaced, never mutated, when their status changes: a chip drawn for one record object can be
// handed back as the same element, and Preact skips it. Most chips of a lane are unchanged from tick to tick.
const chips = new WeakMap<FlowRecord, { followed: boolean; live: boolean; vnode: VNode }>();
function chip(r: FlowRecord, followed: boolean, onFollow: ((id: number) => void) | undefined): VNode {
  const live = onFollow !== undefined;
  const hit = chips.get(r);
  if (hit && hit.followed === followed && hit.live === live) return hit.vnode;
  const vnode = <Chip key={r.id} r={r} followed={followed} onFollow={onFollow} />;
  chips.set(r, { followed, live, vnode });
  return vnode;
}

function Chip({ r, followed, onFollow }: { r: FlowRecord; followed: boolean; onFollow?: ((id: number) => void) | undefined }) {
  const status = r.lost ? 'lost' : r.status;
  const dups = r.deliveries.filter((d) => d.duplicate).length;
  const text = describeRecord(r);
  const inner = (
    <>
      <span class="mf-rec-key">{r.key ?? `#${r.id}`}</span>
      <span class="mf-rec-glyph" aria-hidden="true">
        {recordGlyph(r)}
        {dups > 0 ? `×${r.deliveries.length}` : ''}
        {r.orderingViolation ? '!' : ''}
      </span>
    </>
  );
  const data = {
    class: 'mf-rec',
    'data-key': r.key ?? undefined,
    'data-partition': r.partition,
    'data-record': r.id,
    'data-status': status,
    'data-duplicate': dups > 0 ? '' : undefined,
    'data-order': r.orderingViolation ? '' : undefined,
    'data-followed': followed ? '' : undefined,
    title: text,
  };
  return (
    <li>
      {onFollow ? (
        // Not in the tab order (a dozen per partition); keyboard readers pick a record by number below.
        <button type="button" tabIndex={-1} aria-label={`Follow ${text}`} aria-pressed={followed} onClick={() => onFollow(r.id)} {...data}>
          {inner}
        </button>
      ) : (
        <span {...data}>
          {inner}
          <span class="kit-visually-hidden">{recordState(r)}</span>
        </span>
      )}
    </li>
  );
}

/** Records produced per partition per second, as numbers in a table whose shading repeats them. */
function Heatmap({ s }: { s: FlowState }) {
  const cols = s.heat.buckets.slice(-HEAT_COLUMNS);
  const first = s.heat.buckets.length - cols.length;
  const max = Math.max(1, ...cols.flat());
  const total = s.heat.produced.reduce((a, b) => a + b, 0);
  const hottest = total > 0 ? s.heat.produced.indexOf(Math.max(...s.heat.produced)) : -1;
  return (
    // Focusable so keyboard readers can scroll it when it is wider than a narrow screen.
    <section class="mf-heat-wrap" tabIndex={0} aria-label="Heatmap of records per partition">
      <table class="mf-heat">
        <caption>Hot partitions: records produced per second (last {cols.length} s) and over the whole run</caption>
        <thead>
          <tr>
            <th scope="col">Partition</th>
            {cols.map((_, i) => (
              <th scope="col">{Math.floor(((first + i + 1) * s.heat.bucketMs) / 1000)} s</th>
            ))}
            <th scope="col">Run total</th>
          </tr>
        </thead>
        <tbody>
          {s.heat.produced.map((n, p) => (
            <tr>
              <th scope="row">
                P{p}
                {p === hottest ? <span class="mf-sub"> hottest</span> : null}
              </th>
              {cols.map((row) => {
                const x = row[p] ?? 0;
                const heat = Math.round((x / max) * 100);
                return (
                  <td class="mf-heat-cell" style={{ '--heat': `${heat}%` }} data-strong={heat > 55 ? '' : undefined}>
                    {x}
                  </td>
                );
              })}
              <td class="mf-num">
                {fmt(n)} <span class="mf-sub">{total > 0 ? `${Math.round((n / total) * 100)}%` : ''}</span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

/** "Follow one record": where the chosen record is now, as a list of stages. */
function Follow({ s, id, setId }: { s: FlowState; id: number | null; setId(id: number | null): void }) {
  const trace = id === null ? null : locateRecord(s, id);
  const newest = s.records.length - 1;
  const ended = trace !== null && (trace.stage === 'failed' || trace.stage === 'lost');
  // How far it got: a lost record had been appended (and maybe replicated or consumed), a failed one only sent.
  const reached = trace === null ? -1 : trace.stage === 'failed' ? 0 : trace.stage === 'lost' ? (trace.consumedBy.length > 0 ? 3 : 1) : STAGES.findIndex((x) => x.stage === trace.stage);
  const brokers = (ids: readonly number[]) => ids.map((b) => `broker ${b}${s.brokers.find((x) => x.id === b)?.alive === false ? ' (stopped)' : ''}`).join(', ');
  return (
    <section class="mf-follow" aria-label="Follow one record">
      <p class="mf-follow-title">Follow one record</p>
      <div class="mf-follow-pick">
        <NumberField label="Record number" value={id ?? 0} min={0} max={Math.max(0, newest)} onChange={(n) => setId(n)} />
        <button type="button" class="kit-btn" disabled={newest < 0} onClick={() => setId(newest)}>
          Follow the newest
        </button>
      </div>
      {id === null ? (
        <p class="mf-sub">Pick a record in a partition's lane, or type its number.</p>
      ) : trace === null ? (
        <p>Record {id} has not been produced yet at {clock(s.timeMs)}.</p>
      ) : (
        <>
          <p>{describeRecord(trace.record)}.</p>
          <ol class="mf-stages">
            {STAGES.map((x, i) => {
              const now = !ended && i === reached;
              return (
                <li data-done={i <= reached ? '' : undefined} aria-current={now ? 'step' : undefined}>
                  {x.label}
                  {i === 1 && trace.appended ? `: broker ${trace.appended.broker}, offset ${trace.appended.offset}, leader epoch ${trace.appended.epoch}` : ''}
                  {i === 3 && trace.consumedBy.length > 0
                    ? `: ${trace.consumedBy.map((d) => `${d.member} at ${clock(d.atMs)}${d.duplicate ? ' (duplicate)' : ''}`).join(', ')}`
                    : ''}
                  {i <= reached ? <span class="kit-visually-hidden"> (done)</span> : null}
                  {now ? <strong> ← now</strong> : null}
                </li>
              );
            })}
          </ol>
          {trace.heldBy.length > 0 && <p class="mf-sub">In the log of {brokers(trace.heldBy)}.</p>}
          {(trace.stage === 'failed' || trace.stage === 'lost') && (
            <p class="mf-stage-end" data-stage={trace.stage}>
              <strong>{STAGE_ENDS[trace.stage]}.</strong>
            </p>
          )}
        </>
      )}
    </section>
  );
}

const KEY_MODES: readonly { value: KeyModeName; label: string }[] = [
  { value: 'uniform', label: 'Uniform keys' },
  { value: 'zipf', label: 'Zipf-skewed keys' },
  { value: 'fixed', label: 'Fixed key set' },
  { value: 'keyless', label: 'No key (sticky partitioner)' },
];

function LiveMessageFlow({ preset, embedded = false }: Props) {
  const url = useUrlState(schema, presets, preset ? `preset=${preset}` : '', !embedded);
  const v = url.values;
  const { run, change } = useRun(v, safeBuildRun, url.set);
  const stageRef = useRef<HTMLDivElement | null>(null);
  const player = usePlayer(run.sim, useOnScreen(stageRef), useReducedMotion(), run.maxTicks);
  const [followId, setFollowId] = useState<number | null>(null);
  const { sim, maxTicks } = run;

  const act = (a: FlowAction) => change({ script: [...v.script, scriptToken(sim.now(), a)] });

  const s = sim.state();
  const g = s.group;
  const names = [...g.members.map((m) => m.id), ...g.departed];
  const nextMember = memberIds(12).find((id) => !names.includes(id)) ?? null;
  const mode = keyModeName(v);
  const t = s.totals;
  const otherErrors = PRODUCE_ERRORS.filter((e) => e !== 'NOT_ENOUGH_REPLICAS' && t.failed[e] > 0);
  const totalLag = g.lag.reduce<number>((a, b) => a + (b ?? 0), 0);

  const metrics: Metric[] = [
    { label: 'Time', value: clock(s.timeMs) },
    { label: 'Produced', value: fmt(t.produced) },
    { label: 'Acknowledged', value: `${fmt(t.acked + t.sent)}${t.pending ? ` (${fmt(t.pending)} waiting)` : ''}` },
    { label: 'Lost after acknowledgement', value: t.lostAcked ? `${fmt(t.lostAcked)} lost` : 'none', tone: t.lostAcked ? 'bad' : 'ok' },
    { label: 'Lost, never acknowledged', value: fmt(t.lost - t.lostAcked), tone: t.lost - t.lostAcked ? 'warn' : undefined },
    { label: 'NOT_ENOUGH_REPLICAS', value: fmt(t.failed.NOT_ENOUGH_REPLICAS), tone: t.failed.NOT_ENOUGH_REPLICAS ? 'warn' : undefined },
    {
      label: 'Other produce errors',
      value: otherErrors.length ? otherErrors.map((e) => `${fmt(t.failed[e])} ${e}`).join(', ') : 'none',
      tone: otherErrors.length ? 'warn' : undefined,
    },
    { label: 'Duplicates delivered', value: fmt(t.duplicates), tone: t.duplicates ? 'warn' : undefined },
    { label: 'Ordering violations', value: t.orderingViolations ? `${fmt(t.orderingViolations)} flagged` : 'none', tone: t.orderingViolations ? 'bad' : 'ok' },
    { label: 'Consumer lag', value: `${fmt(totalLag)} records` },
  ];

  const log: LogLine[] = useMemo(
    () =>
      sim
        .events()
        .filter((e) => e.event.kind !== 'commit')
        .map((e) => ({ time: clock(e.timeMs), ...describeEvent(e.event) })),
    [run, sim.ticks(), sim.events().length],
  );

  // Playing re-renders every animation frame, but the simulation moves only once per tick: the heavy parts are
  // rebuilt when the tick, the run or the followed record changes, and Preact skips an element it has seen.
  const tick = sim.ticks();
  const stage = useMemo(
    () => (
          <>
            <p class="mf-producers">
              {s.producers.length === 0
                ? 'No producers.'
                : s.producers.map((p) => `${p.id}: ${fmt(p.sent)} sent${p.stickyPartition !== null ? `, sticky on P${p.stickyPartition}` : ''}`).join(' · ')}{' '}
              <span class="mf-sub">
                ({fmt(s.producerRate)} records/s each, acks={s.acks}, min.insync.replicas={s.minInsyncReplicas})
              </span>
            </p>
            <div class="mf-actions" role="group" aria-label="Topic actions">
              <button type="button" class="kit-btn" disabled={s.partitionCount >= MAX_PARTITIONS} onClick={() => act({ kind: 'add-partitions', count: s.partitionCount + 1 })}>
                Add a partition
              </button>
              <button type="button" class="kit-btn" onClick={() => act({ kind: 'preferred-election' })}>
                Preferred leader election
              </button>
            </div>
            <div class="mf-scroll">
              <Cluster s={s} lanes={recentByPartition(s)} followId={followId} onFollow={setFollowId} act={act} />
            </div>
            <p class="mf-legend">
              Records: ✓ acknowledged, … waiting for replicas, → sent with acks=0, ✕ failed, ⚠ lost; ×2 delivered twice (a duplicate), ! read out of key order.
            </p>
            <div class="mf-group" role="group" aria-label="Consumer group">
              <p class="mf-group-head">
                <strong>Consumer group</strong>, generation {g.generation}:{' '}
                {v.autoCommit ? `auto-commit every ${fmt(v.commitMs)} ms` : 'commitSync after every poll'}
                {g.lastCommitMs !== null ? `, last commit at ${clock(g.lastCommitMs)}` : ''}.
              </p>
              {g.members.map((m) => (
                <div class="mf-member" data-crashed={m.status === 'crashed' ? '' : undefined}>
                  <span>
                    <strong>{m.id}</strong>{' '}
                    {m.status === 'crashed' ? `crashed at ${clock(m.crashedAtMs ?? 0)}, holds` : 'reads'}{' '}
                    {m.assigned.length ? m.assigned.map((p) => `P${p}`).join(', ') : 'nothing (idle)'} · {fmt(m.delivered)} delivered
                  </span>
                  {m.status === 'active' && (
                    <span class="mf-member-actions">
                      <button type="button" class="kit-btn" onClick={() => act({ kind: 'member-crash', member: m.id })}>
                        Crash {m.id}
                      </button>
                      <button type="button" class="kit-btn" onClick={() => act({ kind: 'member-leave', member: m.id })}>
                        {m.id} leaves
                      </button>
                    </span>
                  )}
                </div>
              ))}
              {nextMember && (
                <button type="button" class="kit-btn" onClick={() => act({ kind: 'member-join', member: nextMember })}>
                  Add consumer {nextMember}
                </button>
              )}
            </div>
            <Follow s={s} id={followId} setId={setFollowId} />
            <Heatmap s={s} />
          </>
    ),
    [run, tick, followId],
  );
  const chart = useMemo(() => <OutcomeChart s={s} seconds={v.minutes * 60} />, [run, tick]);

  const select = <K extends keyof FlowValues>(key: K, label: string, options: readonly (readonly [string, string])[]) => (
    <label class="kit-field">
      <span>{label}</span>
      <select value={String(v[key])} onChange={(e) => change({ [key]: schema[key].parse((e.target as HTMLSelectElement).value) } as Partial<FlowValues>)}>
        {options.map(([value, text]) => (
          <option value={value}>{text}</option>
        ))}
      </select>
    </label>
  );
  const check = (key: 'unclean' | 'autoCommit', label: string) => (
    <label class="kit-field kit-check">
      <span>{label}</span>
      <input type="checkbox" checked={v[key]} onChange={(e) => change({ [key]: (e.target as HTMLInputElement).checked })} />
    </label>
  );

  // The settings change only with the run's values.
  const controls = useMemo(
    () => (
          <>
            <NumberField label="Brokers" value={v.brokers} min={3} max={5} onChange={(n) => change({ brokers: n })} />
            <NumberField label="Partitions" value={v.partitions} min={1} max={MAX_PARTITIONS} onChange={(n) => change({ partitions: n })} />
            <NumberField label="Replication factor" value={v.rf} min={1} max={3} onChange={(n) => change({ rf: n })} />
            {select('acks', 'acks', [
              ['all', 'all'],
              ['1', '1'],
              ['0', '0'],
            ])}
            <NumberField label="min.insync.replicas" value={v.minIsr} min={1} max={3} onChange={(n) => change({ minIsr: n })} />
            {check('unclean', 'unclean.leader.election.enable')}
            <NumberField label="Follower fetch every (ms)" value={v.fetchMs} min={100} max={5000} onChange={(n) => change({ fetchMs: n })} />
            <NumberField label="Producers" value={v.producers} min={0} max={5} onChange={(n) => change({ producers: n })} />
            <NumberField label="Records/s per producer" value={v.rate} min={0} max={30} onChange={(n) => change({ rate: n })} />
            <label class="kit-field">
              <span>Keys</span>
              <select
                value={mode}
                onChange={(e) => {
                  const m = (e.target as HTMLSelectElement).value as KeyModeName;
                  change(m === 'fixed' ? { keys: v.keys.length ? v.keys : ['a', 'b', 'c'] } : { keys: [], keyMode: m });
                }}
              >
                {KEY_MODES.map((k) => (
                  <option value={k.value}>{k.label}</option>
                ))}
              </select>
            </label>
            {mode === 'fixed' && (
              <label class="kit-field">
                <span>Key set (comma-separated)</span>
                <input
                  type="text"
                  value={v.keys.join(',')}
                  spellcheck={false}
                  onChange={(e) => {
                    const parsed = schema.keys.parse((e.target as HTMLInputElement).value);
                    if (parsed && parsed.length > 0) change({ keys: parsed });
                  }}
                />
              </label>
            )}
            {(mode === 'uniform' || mode === 'zipf') && <NumberField label="Distinct keys" value={v.keyCount} min={1} max={1000} onChange={(n) => change({ keyCount: n })} />}
            {mode === 'zipf' && <NumberField label="Zipf exponent" value={v.zipf} min={0.1} max={4} onChange={(n) => change({ zipf: n })} />}
            {mode === 'keyless' &&
              select('sticky', 'Sticky partitioner', [
                ['kip-794', 'KIP-794 (Kafka 3.3+)'],
                ['kip-480', 'KIP-480 (2.4 to 3.2)'],
              ])}
            <NumberField label="Consumers at start" value={v.consumers} min={0} max={6} onChange={(n) => change({ consumers: n })} />
            {check('autoCommit', 'enable.auto.commit')}
            {v.autoCommit && <NumberField label="auto.commit.interval.ms" value={v.commitMs} min={100} max={60000} onChange={(n) => change({ commitMs: n })} />}
            <NumberField label="Poll every (ms)" value={v.pollMs} min={100} max={5000} onChange={(n) => change({ pollMs: n })} />
            <NumberField label="max.poll.records" value={v.maxPoll} min={1} max={1000} onChange={(n) => change({ maxPoll: n })} />
            <NumberField label="session.timeout.ms" value={v.sessionMs} min={1000} max={120000} onChange={(n) => change({ sessionMs: n })} />
            <NumberField label="Run length (min)" value={v.minutes} min={1} max={5} onChange={(n) => change({ minutes: n })} />
            <NumberField label="Seed" value={v.seed} min={0} max={4294967295} onChange={(n) => change({ seed: n })} />
          </>
    ),
    [run],
  );

  return (
    <SimFrame
      id="message-flow"
      title="Kafka Message Flow"
      presets={presets}
      presetId={url.preset?.id ?? null}
      onPreset={(id) => url.choosePreset(id)}
      notes={[...url.notes, ...run.notes]}
      link={url.link}
      summary={summarize(s)}
      playing={player.player.playing}
      run={player.run}
      stageRef={stageRef}
      controls={controls}
      playbar={<PlayBar id="message-flow" player={player.player} tick={sim.ticks()} maxTicks={maxTicks} label={(x) => clock(x * sim.tickMs)} run={player.run} seek={player.seek} />}
      stage={stage}
      metrics={metrics}
      chart={chart}
      log={log}
    />
  );
}
