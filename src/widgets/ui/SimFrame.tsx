/**
 * The frame every simulator shares: presets with what to notice, notes about invalid link
 * values, the reader's controls, the play bar, the stage, metrics, a chart, the event log and a
 * live summary for screen readers. Shortcuts work anywhere inside the frame.
 */
import type { ComponentChildren } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { PlayerCommand } from './player.ts';
import { shortcutHandler } from './PlayBar.tsx';

export interface Metric {
  label: string;
  value: string;
  /** 'ok' | 'warn' | 'bad' colours the value; the text itself must say the same. */
  tone?: 'ok' | 'warn' | 'bad' | undefined;
}

export interface LogLine {
  time: string;
  text: string;
  tone?: 'warn' | 'bad' | undefined;
}

interface Props {
  id: string;
  title: string;
  presets: readonly { id: string; title: string; notice: string }[];
  presetId: string | null;
  onPreset(id: string | null): void;
  notes: readonly string[];
  link(): string;
  /** Announced politely when playback stops and at most every few seconds while playing. */
  summary: string;
  playing: boolean;
  run(cmd: PlayerCommand): void;
  controls: ComponentChildren;
  playbar: ComponentChildren;
  stage: ComponentChildren;
  metrics: readonly Metric[];
  chart?: ComponentChildren;
  log: readonly LogLine[];
  stageRef?: { current: HTMLElement | null };
}

const ANNOUNCE_EVERY_MS = 8000;

export function SimFrame(p: Props) {
  const [announced, setAnnounced] = useState('');
  const [copied, setCopied] = useState(false);
  const lastAnnounce = useRef(0);
  useEffect(() => {
    const now = performance.now();
    if (!p.playing || now - lastAnnounce.current > ANNOUNCE_EVERY_MS) {
      lastAnnounce.current = now;
      setAnnounced(p.summary);
    }
  }, [p.summary, p.playing]);

  const preset = p.presets.find((x) => x.id === p.presetId) ?? null;
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(p.link());
      setCopied(true);
      setTimeout(() => setCopied(false), 2000);
    } catch {
      // Clipboard refused (permissions, insecure context): show the address to copy by hand.
      prompt('Copy this link:', p.link());
    }
  };

  return (
    <div class="kit-frame" data-live="" onKeyDown={shortcutHandler(p.run) as unknown as (e: Event) => void}>
      <div class="kit-top">
        <label class="kit-preset">
          <span>Preset</span>
          <select value={p.presetId ?? ''} onChange={(e) => p.onPreset((e.target as HTMLSelectElement).value || null)}>
            <option value="">Custom</option>
            {p.presets.map((x) => (
              <option value={x.id}>{x.title}</option>
            ))}
          </select>
        </label>
        <button type="button" class="kit-btn" onClick={copy}>
          {copied ? 'Link copied' : 'Copy link'}
        </button>
      </div>
      {preset && <p class="kit-notice">{preset.notice}</p>}
      {p.notes.length > 0 && (
        <div class="kit-notes" role="status">
          <p>Some values in the link were not valid and were replaced:</p>
          <ul>
            {p.notes.map((n) => (
              <li>{n}</li>
            ))}
          </ul>
        </div>
      )}
      <div class="kit-controls">{p.controls}</div>
      {p.playbar}
      {/* Focusable: it scrolls sideways on phones, and it is where Space plays without pressing a button. */}
      <section class="kit-stage" ref={p.stageRef ?? null} tabIndex={0} aria-label={`${p.title}: simulation`}>
        {p.stage}
      </section>
      <dl class="kit-metrics">
        {p.metrics.map((m) => (
          <div class="kit-metric" data-tone={m.tone}>
            <dt>{m.label}</dt>
            <dd>{m.value}</dd>
          </div>
        ))}
      </dl>
      {p.chart}
      <details class="kit-log" open>
        <summary>Event log ({p.log.length})</summary>
        {/* Focusable: the log scrolls, and keyboard users must be able to scroll it. */}
        <ol reversed tabIndex={0} aria-label="Events, newest first">
          {p.log
            .slice(-60)
            .reverse()
            .map((l) => (
              <li data-tone={l.tone}>
                <span class="kit-log-time">{l.time}</span> {l.text}
              </li>
            ))}
        </ol>
      </details>
      <p class="kit-visually-hidden" aria-live="polite">
        {announced}
      </p>
    </div>
  );
}
