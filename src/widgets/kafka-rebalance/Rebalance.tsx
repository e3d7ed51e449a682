/**
 * Kafka Rebalance: the same membership sequence in an eager lane and a cooperative lane, with
 * what each rebalance stopped and a comparison of all four assignment strategies. Reader actions
 * go into the timed script, so the link replays them.
 */
import { useRef } from 'preact/hooks';
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
import { LANE_STRATEGIES, type LaneView, type RebalanceAction, type RebalanceState } from '../kafka/rebalance-model.ts';
import { buildRun, presets, schema, scriptToken, summarize, type RebalanceValues } from './config.ts';

interface Props {
  preset?: string;
  embedded?: boolean;
}

const fmt = (n: number) => Math.round(n).toLocaleString('en-US');
const clock = (ms: number) => `${Math.floor(ms / 60_000)}:${String(Math.floor(ms / 1000) % 60).padStart(2, '0')}`;

export default function Rebalance(props: Props) {
  return useMounted() ? <LiveRebalance {...props} /> : <StaticRebalance {...props} />;
}

function StaticRebalance({ preset }: Props) {
  const { values: v, preset: p } = presetStart(schema, presets, preset);
  const { sim, maxTicks } = buildRun(v);
  sim.seek(maxTicks);
  const s = sim.state();
  return (
    <StaticFallback title={`${p.title}: the run at ${clock(s.timeMs)}`} notice={p.notice}>
      <Comparison s={s} />
      <LineChart title="Partition-seconds paused, cumulative" series={historySeries(s)} xUnit="seconds" yUnit="partition-seconds" xDomain={[0, maxTicks]} />
    </StaticFallback>
  );
}

function historySeries(s: RebalanceState): Series[] {
  return LANE_STRATEGIES.map((strategy, i) => ({ name: strategy, points: s.history.map((h) => [h.timeMs / 1000, h.paused[i] ?? 0] as const) }));
}

function Comparison({ s }: { s: RebalanceState }) {
  return (
    <table class="rb-table">
      <caption>All four strategies on this sequence</caption>
      <thead>
        <tr>
          <th scope="col">Strategy</th>
          <th scope="col">Protocol</th>
          <th scope="col">Rebalances</th>
          <th scope="col">Partitions moved</th>
          <th scope="col">Partition-seconds paused</th>
          <th scope="col">Backlog built (msgs)</th>
        </tr>
      </thead>
      <tbody>
        {s.lanes.map((l) => (
          <tr>
            <th scope="row">{l.strategy}</th>
            <td>{l.protocol}</td>
            <td>{l.rebalances.length}</td>
            <td>{l.rebalances.reduce((t, r) => t + r.moved, 0)}</td>
            <td>{fmt(l.pausedPartitionSeconds)}</td>
            <td>{fmt(l.lagAccumulated)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function LiveRebalance({ preset, embedded = false }: Props) {
  const url = useUrlState(schema, presets, preset ? `preset=${preset}` : '', !embedded);
  const v = url.values;
  const { run, change } = useRun(v, buildRun, url.set);
  const stageRef = useRef<HTMLElement | null>(null);
  const player = usePlayer(run.sim, useOnScreen(stageRef), useReducedMotion(), run.maxTicks);
  const { sim, maxTicks } = run;
  const act = (a: RebalanceAction) => change({ script: [...v.script, scriptToken(Math.floor(sim.now() / 1000), a)] });

  const s = sim.state();
  const eager = s.lanes.find((l) => l.strategy === v.eager)!;
  const coop = s.lanes.find((l) => l.strategy === 'cooperative-sticky')!;
  const names = s.members.map((m) => m.id);
  const next = Array.from({ length: 16 }, (_, i) => `c${i + 1}`).find((id) => !names.includes(id));

  const metrics: Metric[] = [
    { label: 'Time', value: clock(s.timeMs) },
    { label: `${v.eager}: paused`, value: `${fmt(eager.pausedPartitionSeconds)} partition-s` },
    { label: 'cooperative-sticky: paused', value: `${fmt(coop.pausedPartitionSeconds)} partition-s` },
    { label: `${v.eager}: backlog built`, value: `${fmt(eager.lagAccumulated)} msgs` },
    { label: 'cooperative-sticky: backlog built', value: `${fmt(coop.lagAccumulated)} msgs` },
  ];
  const log: LogLine[] = sim
    .events()
    .filter((e) => e.event.lane === undefined || e.event.lane === v.eager || e.event.lane === 'cooperative-sticky')
    .map((e) => ({ time: clock(e.timeMs), text: e.event.detail, tone: e.event.kind === 'kill' || e.event.kind === 'session-timeout' || e.event.kind === 'poll-timeout' ? 'bad' : e.event.kind === 'rebalance-start' ? 'warn' : undefined }));

  return (
    <SimFrame
      id="rebalance"
      title="Kafka Rebalance"
      presets={presets}
      presetId={url.preset?.id ?? null}
      onPreset={(id) => url.choosePreset(id)}
      notes={[...url.notes, ...run.notes]}
      link={url.link}
      summary={summarize(s, v.eager)}
      playing={player.player.playing}
      run={player.run}
      stageRef={stageRef}
      controls={
        <>
          <NumberField label="Partitions" value={v.partitions} min={1} max={24} onChange={(n) => change({ partitions: n })} />
          <NumberField label="Consumers at start" value={v.members} min={0} max={12} onChange={(n) => change({ members: n })} />
          <label class="kit-field">
            <span>Eager lane strategy</span>
            <select value={v.eager} onChange={(e) => change({ eager: (e.target as HTMLSelectElement).value as RebalanceValues['eager'] })}>
              <option value="range">range</option>
              <option value="roundrobin">roundrobin</option>
              <option value="sticky">sticky</option>
            </select>
          </label>
          <label class="kit-field kit-check">
            <span>Static membership (group.instance.id)</span>
            <input type="checkbox" checked={v.staticMembers} onChange={(e) => change({ staticMembers: (e.target as HTMLInputElement).checked })} />
          </label>
          <NumberField label="session.timeout.ms" value={v.sessionMs} min={1000} max={600000} onChange={(n) => change({ sessionMs: n })} />
          <NumberField label="max.poll.interval.ms" value={v.pollMs} min={1000} max={3600000} onChange={(n) => change({ pollMs: n })} />
          <NumberField label="Rebalance round (ms)" value={v.roundMs} min={0} max={60000} onChange={(n) => change({ roundMs: n })} />
          <NumberField label="Produce (msgs/s per partition)" value={v.produce} min={0} max={100000} onChange={(n) => change({ produce: n })} />
          <NumberField label="Run length (min)" value={v.minutes} min={1} max={30} onChange={(n) => change({ minutes: n })} />
        </>
      }
      playbar={<PlayBar id="rebalance" player={player.player} tick={sim.ticks()} maxTicks={maxTicks} label={(t) => clock(t * 1000)} run={player.run} seek={player.seek} />}
      stage={
        <>
          <div class="rb-members" role="group" aria-label="Consumers">
            {s.members
              .filter((m) => m.phase !== 'gone')
              .map((m) => (
                <div class="rb-member" data-phase={m.phase}>
                  <span>
                    <strong>{m.id}</strong> {m.static ? '(static) ' : ''}
                    {m.phase === 'active' ? 'running' : m.phase === 'down' ? `down${m.deadlineMs !== null ? ` until ${clock(m.deadlineMs)}` : ''}` : `not polling, leaves at ${clock(m.deadlineMs ?? 0)}`}
                  </span>
                  {m.phase === 'active' && (
                    <span class="rb-actions">
                      <button type="button" class="kit-btn" onClick={() => act({ kind: 'kill', member: m.id })}>Kill {m.id}</button>
                      <button type="button" class="kit-btn" onClick={() => act({ kind: 'leave', member: m.id })}>{m.id} leaves</button>
                      <button type="button" class="kit-btn" onClick={() => act({ kind: 'poll-stall', member: m.id })}>{m.id} stops polling</button>
                      <button type="button" class="kit-btn" onClick={() => act({ kind: 'restart', member: m.id, downtimeMs: 20_000 })}>Restart {m.id} (20 s)</button>
                    </span>
                  )}
                </div>
              ))}
            {next && (
              <button type="button" class="kit-btn" onClick={() => act({ kind: 'join', member: next })}>
                Add consumer {next}
              </button>
            )}
          </div>
          <div class="rb-lanes">
            <Lane lane={eager} partitions={v.partitions} />
            <Lane lane={coop} partitions={v.partitions} />
          </div>
          <Comparison s={s} />
        </>
      }
      metrics={metrics}
      chart={<LineChart title="Partition-seconds paused, cumulative" series={historySeries(s)} xUnit="seconds" yUnit="partition-seconds" xDomain={[0, maxTicks]} />}
      log={log}
    />
  );
}

function Lane({ lane, partitions }: { lane: LaneView; partitions: number }) {
  const owner = new Array<string | null>(partitions).fill(null);
  for (const [id, ps] of Object.entries(lane.assignment)) for (const p of ps) owner[p] = id;
  const last = lane.rebalances.at(-1);
  return (
    <section class="rb-lane" aria-label={`${lane.strategy} lane`}>
      {/* Not a heading: the island sits above the article's first h2, wherever it is embedded. */}
      <p class="rb-lane-title">
        <strong>{lane.strategy}</strong> <span class="rb-protocol">({lane.protocol})</span>
      </p>
      <p class="rb-lane-state">
        Generation {lane.generation}: {lane.round === null ? 'stable' : `rebalancing, round ${lane.round} until ${clock(lane.roundEndsAtMs ?? 0)}`}
        {lane.idle.length > 0 && ` · idle: ${lane.idle.join(', ')}`}
      </p>
      <ol class="rb-partitions">
        {owner.map((id, p) => (
          <li data-consuming={lane.consuming[p] ? '' : undefined} data-partition={p}>
            <span class="rb-p">P{p}</span>
            <span class="rb-owner">{id ?? 'none'}</span>
            <span class="rb-flag">{lane.consuming[p] ? 'consuming' : 'paused'}</span>
          </li>
        ))}
      </ol>
      {last && (
        <p class="rb-last">
          Last rebalance ({last.reason}): {last.moved} moved, {fmt(last.pausedPartitionSeconds)} partition-seconds paused, {fmt(last.lagAccumulated)} messages of backlog
          {last.endMs === null ? ' so far' : ''}.
        </p>
      )}
    </section>
  );
}
