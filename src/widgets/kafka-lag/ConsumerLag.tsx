/**
 * Kafka Consumer Lag: renders the lag simulation through the kit. Every reader action goes into
 * the timed script (and so into the link), and the run is rebuilt and replayed to the current
 * second, so what a link shows is exactly what its sender saw.
 */
import { useRef } from 'preact/hooks';
import { LineChart, type Series } from '../ui/LineChart.tsx';
import { NumberField } from '../ui/NumberField.tsx';
import { PlayBar } from '../ui/PlayBar.tsx';
import { SimFrame, type LogLine, type Metric } from '../ui/SimFrame.tsx';
import { useUrlState } from '../ui/useUrlState.ts';
import { presetStart } from '../ui/presets.ts';
import { StaticFallback } from '../ui/StaticFallback.tsx';
import { useMounted } from '../ui/useMounted.ts';
import { useRun } from '../ui/useRun.ts';
import { usePlayer } from '../ui/usePlayer.ts';
import { useOnScreen, useReducedMotion } from '../ui/useVisibility.ts';
import type { LagAction, LagState } from '../kafka/lag-model.ts';
import type { LagEvent } from '../kafka/lag-simulation.ts';
import type { PartitionStatus } from '../kafka/burrow.ts';
import { memberIds, presets, safeBuildRun, schema, scriptToken, summarize, thresholdAlert } from './config.ts';

interface Props {
  /** The preset a lesson embeds; the page's own URL overrides it on the simulator page. */
  preset?: string;
  /** Embedded in a lesson: do not write the page URL. */
  embedded?: boolean;
}

const TONE: Record<PartitionStatus, 'ok' | 'warn' | 'bad'> = { OK: 'ok', WARNING: 'warn', STOP: 'bad', STALL: 'bad', REWIND: 'bad' };
const fmt = (n: number) => Math.round(n).toLocaleString('en-US');
const clock = (ms: number) => `${Math.floor(ms / 60_000)}:${String(Math.floor(ms / 1000) % 60).padStart(2, '0')}`;

export default function ConsumerLag(props: Props) {
  return useMounted() ? <LiveConsumerLag {...props} /> : <StaticConsumerLag {...props} />;
}

/** The preset run to its end, as numbers and a chart: what readers without JavaScript and search engines get. */
function StaticConsumerLag({ preset }: Props) {
  const { values: v, preset: p } = presetStart(schema, presets, preset);
  const run = safeBuildRun(v);
  run.sim.seek(run.maxTicks);
  const s = run.sim.state();
  return (
    <StaticFallback title={`${p.title}: the run at ${clock(s.timeMs)}`} notice={p.notice}>
      <PartitionTable s={s} threshold={v.threshold} caption="Partitions at the end of the run" />
      <p>
        Total lag {fmt(s.totalLag)} messages; Burrow's group status {s.groupStatus}; alert at {fmt(v.threshold)} messages{' '}
        {thresholdAlert(s, v.threshold).firing ? 'firing' : 'quiet'}.
      </p>
      <LineChart title="Committed lag per partition" series={chartSeries(s, v.threshold, run.maxTicks, run.sim.tickMs)} xUnit="seconds" yUnit="messages" xDomain={[0, (run.maxTicks * run.sim.tickMs) / 1000]} />
    </StaticFallback>
  );
}

function chartSeries(s: LagState, threshold: number, maxTicks: number, tickMs: number): Series[] {
  return [
    ...s.partitions.map((p) => ({ name: `P${p.partition}`, points: s.series.map((pt) => [pt.timeMs / 1000, pt.lag[p.partition] ?? 0] as const) })),
    { name: 'Alert threshold', points: [[0, threshold], [(maxTicks * tickMs) / 1000, threshold]], dashed: true },
  ];
}

function LiveConsumerLag({ preset, embedded = false }: Props) {
  const url = useUrlState(schema, presets, preset ? `preset=${preset}` : '', !embedded);
  const v = url.values;
  const { run, change } = useRun(v, safeBuildRun, url.set);
  const stageRef = useRef<HTMLElement | null>(null);
  const visible = useOnScreen(stageRef);
  const reduced = useReducedMotion();
  const { sim, maxTicks } = run;
  const player = usePlayer(sim, visible, reduced, maxTicks);

  const act = (action: LagAction) => {
    const second = Math.floor(sim.now() / 1000);
    change({ script: [...v.script, scriptToken(second, action)] });
  };

  const s: LagState = sim.state();
  const alert = thresholdAlert(s, v.threshold);
  const memberNames = s.members.map((m) => m.id);
  const nextMember = memberIds(12).find((id) => !memberNames.includes(id)) ?? null;

  const metrics: Metric[] = [
    { label: 'Time', value: clock(s.timeMs) },
    { label: 'Total lag', value: `${fmt(s.totalLag)} msgs` },
    { label: 'Max lag', value: `${fmt(Math.max(0, ...s.partitions.map((p) => p.lag)))} msgs` },
    { label: 'Oldest unconsumed', value: `${fmt(s.maxLagSeconds)} s` },
    { label: 'Burrow group status', value: s.groupStatus, tone: s.groupStatus === 'OK' ? 'ok' : s.groupStatus === 'WARNING' ? 'warn' : 'bad' },
    {
      label: `Alert: lag > ${fmt(v.threshold)}`,
      value: alert.firing ? `Firing (partition ${alert.partitions.join(', ')})` : 'Quiet',
      tone: alert.firing ? 'bad' : 'ok',
    },
  ];

  const series = chartSeries(s, v.threshold, maxTicks, sim.tickMs);

  const log: LogLine[] = sim
    .events()
    .filter((e) => e.event.kind !== 'commit')
    .map((e) => ({ time: clock(e.timeMs), text: e.event.detail, tone: tone(e.event) }));


  return (
    <SimFrame
      id="consumer-lag"
      title="Kafka Consumer Lag"
      presets={presets}
      presetId={url.preset?.id ?? null}
      onPreset={(id) => url.choosePreset(id)}
      notes={[...url.notes, ...run.notes]}
      link={url.link}
      summary={summarize(s, v.threshold)}
      playing={player.player.playing}
      run={player.run}
      stageRef={stageRef}
      controls={
        <>
          <NumberField label="Partitions" value={v.partitions} min={1} max={12} onChange={(n) => change({ partitions: n })} />
          <NumberField label="Members at start" value={v.members} min={0} max={8} onChange={(n) => change({ members: n })} />
          <NumberField label="Produce (msgs/s per partition)" value={v.produce} min={0} max={20000} onChange={(n) => change({ produce: n })} />
          <NumberField label="Consume (msgs/s per member)" value={v.consume} min={0} max={50000} onChange={(n) => change({ consume: n })} />
          <NumberField label="Commit interval (ms)" value={v.commitMs} min={100} max={600000} onChange={(n) => change({ commitMs: n })} />
          <NumberField label="Burrow intervals (window)" value={v.intervals} min={2} max={30} onChange={(n) => change({ intervals: n })} />
          <NumberField label="Broker offset refresh (ms)" value={v.refreshMs} min={1000} max={600000} onChange={(n) => change({ refreshMs: n })} />
          <NumberField label="session.timeout.ms" value={v.sessionMs} min={1000} max={600000} onChange={(n) => change({ sessionMs: n })} />
          <NumberField label="Alert threshold (msgs)" value={v.threshold} min={1} max={100000000} onChange={(n) => change({ threshold: n })} />
          <NumberField label="Run length (min)" value={v.minutes} min={1} max={60} onChange={(n) => change({ minutes: n })} />
          <NumberField label="Seed" value={v.seed} min={0} max={4294967295} onChange={(n) => change({ seed: n })} />
        </>
      }
      playbar={<PlayBar id="consumer-lag" player={player.player} tick={sim.ticks()} maxTicks={maxTicks} label={(t) => clock(t * sim.tickMs)} run={player.run} seek={player.seek} />}
      stage={
        <>
          <div class="lag-members" role="group" aria-label="Group members">
            {s.members.map((m) => (
              <div class="lag-member" data-crashed={m.crashed ? '' : undefined}>
                <p class="lag-member-name">
                  <strong>{m.id}</strong> {m.crashed ? `crashed, session expires at ${clock(m.sessionExpiresAtMs ?? 0)}` : m.behaviour}
                  {m.partitions.length > 0 ? ` · P${m.partitions.join(', P')}` : ' · idle'}
                </p>
                {!m.crashed && (
                  <p class="lag-member-actions">
                    <select
                      aria-label={`Behaviour of ${m.id}`}
                      value={m.behaviour}
                      onChange={(e) => act({ kind: 'behaviour', member: m.id, behaviour: (e.target as HTMLSelectElement).value as never })}
                    >
                      <option value="normal">normal</option>
                      <option value="slow">slow</option>
                      <option value="stuck">stuck</option>
                      <option value="no-commit">stops committing</option>
                    </select>
                    <button type="button" class="kit-btn" onClick={() => act({ kind: 'crash', member: m.id })}>
                      Crash {m.id}
                    </button>
                    <button type="button" class="kit-btn" onClick={() => act({ kind: 'leave', member: m.id })}>
                      {m.id} leaves
                    </button>
                  </p>
                )}
              </div>
            ))}
            {nextMember && (
              <button type="button" class="kit-btn" onClick={() => act({ kind: 'join', member: nextMember })}>
                Add member {nextMember}
              </button>
            )}
            {s.rebalancing && <p class="lag-rebalancing">Rebalancing: consumption is paused until {clock(s.rebalanceEndsAtMs ?? 0)}.</p>}
          </div>
          <PartitionTable s={s} threshold={v.threshold} caption="Partitions: lag and Burrow's verdict" captionHidden />
        </>
      }
      metrics={metrics}
      chart={<LineChart title="Committed lag per partition" series={series} xUnit="seconds" yUnit="messages" xDomain={[0, (maxTicks * sim.tickMs) / 1000]} />}
      log={log}
    />
  );
}

function tone(e: LagEvent): LogLine['tone'] {
  return e.kind === 'crash' || e.kind === 'session-timeout' ? 'bad' : e.kind === 'rebalance-start' || e.kind === 'behaviour' ? 'warn' : undefined;
}

/** Each partition's owner, committed lag (and what Burrow sees), verdict and the rule behind it. */
function PartitionTable({ s, threshold, caption, captionHidden = false }: { s: LagState; threshold: number; caption: string; captionHidden?: boolean }) {
  // Bars share one scale: the largest committed lag, or the alert threshold if that is higher.
  const maxLag = Math.max(1, threshold, ...s.partitions.map((p) => p.lag));
  return (
    <table class="lag-table">
      <caption class={captionHidden ? 'kit-visually-hidden' : undefined}>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">Partition</th>
          <th scope="col">Owner</th>
          <th scope="col">Committed lag</th>
          <th scope="col">Burrow</th>
          <th scope="col">Why</th>
        </tr>
      </thead>
      <tbody>
        {s.partitions.map((p) => (
          <tr data-partition={p.partition}>
            <th scope="row">P{p.partition}</th>
            <td>{p.owner ?? 'none'}</td>
            <td>
              <span class="lag-bar" style={{ inlineSize: `${Math.min(100, (p.lag / maxLag) * 100)}%` }} aria-hidden="true" />
              {fmt(p.lag)}
              <span class="lag-sub"> (Burrow sees {fmt(p.evaluation.currentLag)})</span>
            </td>
            <td>
              <span class="kit-pill" data-tone={TONE[p.evaluation.status]}>
                {p.evaluation.status}
              </span>
            </td>
            <td class="lag-why">
              {p.evaluation.reason} <span class="lag-sub">Window {Math.round(p.evaluation.complete * 100)}% full.</span>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
