/** Play/pause, step, step back, reset, speed and a draggable timeline, with keyboard shortcuts listed. */
import { SHORTCUTS, SPEEDS, commandForKey, type PlayerCommand, type PlayerState } from './player.ts';

interface Props {
  id: string;
  player: PlayerState;
  tick: number;
  maxTicks: number;
  /** Formats a tick for the timeline's value text ("12 s"). */
  label(tick: number): string;
  run(cmd: PlayerCommand): void;
  seek(tick: number): void;
}

/** Keyboard handler for the whole frame: shortcuts work wherever focus is, except in text inputs and selects. */
export function shortcutHandler(run: (cmd: PlayerCommand) => void) {
  return (e: KeyboardEvent) => {
    const t = e.target as HTMLElement | null;
    if (e.altKey || e.ctrlKey || e.metaKey) return;
    if (t && (t.closest('input, select, textarea, [contenteditable]') || (e.key === ' ' && t.closest('button, a, summary')))) return;
    const cmd = commandForKey(e.key);
    if (cmd === null) return;
    e.preventDefault();
    run(cmd);
  };
}

export function PlayBar({ id, player, tick, maxTicks, label, run, seek }: Props) {
  const speedIndex = SPEEDS.indexOf(player.speed);
  return (
    <div class="kit-playbar" role="group" aria-label="Playback">
      <button type="button" class="kit-btn kit-btn-primary" onClick={() => run('toggle')} aria-pressed={player.playing} aria-keyshortcuts="Space">
        {player.playing ? 'Pause' : tick >= maxTicks ? 'Ended' : 'Play'}
      </button>
      <button type="button" class="kit-btn" onClick={() => run('back')} disabled={tick === 0} aria-keyshortcuts="ArrowLeft" aria-label="Step back">
        ◀ Step
      </button>
      <button type="button" class="kit-btn" onClick={() => run('step')} disabled={tick >= maxTicks} aria-keyshortcuts="ArrowRight" aria-label="Step forward">
        Step ▶
      </button>
      <button type="button" class="kit-btn" onClick={() => run('reset')} aria-keyshortcuts="Home">
        Reset
      </button>
      <label class="kit-speed">
        <span>Speed</span>
        <select
          value={String(speedIndex)}
          onChange={(e) => {
            const want = Number((e.target as HTMLSelectElement).value);
            const steps = want - speedIndex;
            for (let i = 0; i < Math.abs(steps); i++) run(steps > 0 ? 'faster' : 'slower');
          }}
        >
          {SPEEDS.map((s, i) => (
            <option value={String(i)}>{s}×</option>
          ))}
        </select>
      </label>
      <label class="kit-timeline">
        <span class="kit-visually-hidden">Timeline</span>
        <input
          type="range"
          id={`${id}-timeline`}
          min={0}
          max={maxTicks}
          step={1}
          value={tick}
          aria-valuetext={label(tick)}
          onInput={(e) => seek(Number((e.target as HTMLInputElement).value))}
        />
        <output for={`${id}-timeline`}>{label(tick)}</output>
      </label>
      <p class="kit-shortcuts">
        Keys: {SHORTCUTS.map((s) => `${s.label} ${describe(s.command)}`).join(' · ')}
      </p>
    </div>
  );
}

function describe(cmd: PlayerCommand): string {
  return { toggle: 'play/pause', step: 'step', back: 'back', reset: 'reset', faster: 'faster', slower: 'slower', play: 'play', pause: 'pause' }[cmd];
}
