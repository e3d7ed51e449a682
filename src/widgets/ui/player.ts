/**
 * The play bar's state machine, kept pure so keyboard shortcuts, buttons and tests share one
 * definition. The island owns the animation frame loop and calls `advance` with real elapsed
 * time; the player turns it into simulated time at the chosen speed.
 */

export const SPEEDS = [0.25, 0.5, 1, 2, 4] as const;
export type Speed = (typeof SPEEDS)[number];

export interface PlayerState {
  readonly playing: boolean;
  readonly speed: Speed;
}

export type PlayerCommand = 'toggle' | 'play' | 'pause' | 'step' | 'back' | 'reset' | 'faster' | 'slower';

export interface PlayerEffect {
  state: PlayerState;
  /** What the simulation should do as a result. */
  sim: 'none' | 'step' | 'back' | 'reset';
}

export const INITIAL_PLAYER: PlayerState = { playing: false, speed: 1 };

export function command(state: PlayerState, cmd: PlayerCommand): PlayerEffect {
  const i = SPEEDS.indexOf(state.speed);
  switch (cmd) {
    case 'toggle':
      return { state: { ...state, playing: !state.playing }, sim: 'none' };
    case 'play':
      return { state: { ...state, playing: true }, sim: 'none' };
    case 'pause':
      return { state: { ...state, playing: false }, sim: 'none' };
    // Stepping by hand pauses: the reader is inspecting one tick at a time.
    case 'step':
      return { state: { ...state, playing: false }, sim: 'step' };
    case 'back':
      return { state: { ...state, playing: false }, sim: 'back' };
    case 'reset':
      return { state: { ...state, playing: false }, sim: 'reset' };
    case 'faster':
      return { state: { ...state, speed: SPEEDS[Math.min(i + 1, SPEEDS.length - 1)]! }, sim: 'none' };
    case 'slower':
      return { state: { ...state, speed: SPEEDS[Math.max(i - 1, 0)]! }, sim: 'none' };
  }
}

/** Keyboard shortcuts of the play bar, also listed in its help text. */
export const SHORTCUTS: readonly { key: string; label: string; command: PlayerCommand }[] = [
  { key: ' ', label: 'Space', command: 'toggle' },
  { key: 'ArrowRight', label: '→', command: 'step' },
  { key: 'ArrowLeft', label: '←', command: 'back' },
  { key: 'Home', label: 'Home', command: 'reset' },
  { key: ']', label: ']', command: 'faster' },
  { key: '[', label: '[', command: 'slower' },
];

export function commandForKey(key: string): PlayerCommand | null {
  return SHORTCUTS.find((s) => s.key === key)?.command ?? null;
}

/**
 * Simulated milliseconds to advance for `realMs` of wall time. Frames longer than `maxFrameMs`
 * (a background tab, a debugger pause) are clamped so the simulation never jumps ahead unseen.
 */
export function simulatedDelta(state: PlayerState, realMs: number, maxFrameMs = 100): number {
  if (!state.playing || !(realMs > 0)) return 0;
  return Math.min(realMs, maxFrameMs) * state.speed;
}
