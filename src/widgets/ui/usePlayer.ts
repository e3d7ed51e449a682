/**
 * Drives a Simulation from the play bar: an animation-frame loop while playing (and visible),
 * the player's commands, and a render counter so the island re-renders after each change.
 * Under reduced motion, playing advances one whole tick per interval instead of continuously.
 */
import { useEffect, useReducer, useRef, useState } from 'preact/hooks';
import { INITIAL_PLAYER, command, simulatedDelta, type PlayerCommand, type PlayerState } from './player.ts';
import type { Simulation } from './simulation.ts';

/** Wall time between frames under reduced motion, at 1x. */
const REDUCED_STEP_MS = 600;

export interface PlayerHandle {
  player: PlayerState;
  run(cmd: PlayerCommand): void;
  seek(tick: number): void;
  /** Call after acting on the simulation outside the player (a reader action). */
  refresh(): void;
  version: number;
}

export function usePlayer<C, S, E, A>(sim: Simulation<C, S, E, A>, active: boolean, reducedMotion: boolean, maxTicks: number): PlayerHandle {
  const [player, setPlayer] = useState(INITIAL_PLAYER);
  const [version, bump] = useReducer((n: number) => n + 1, 0);
  const playerRef = useRef(player);
  playerRef.current = player;

  useEffect(() => {
    if (!player.playing || !active) return;
    let frame = 0;
    let last = performance.now();
    let timer: ReturnType<typeof setInterval> | undefined;
    const atEnd = () => {
      if (sim.ticks() >= maxTicks) {
        setPlayer((p) => ({ ...p, playing: false }));
        return true;
      }
      return false;
    };
    if (reducedMotion) {
      timer = setInterval(() => {
        if (atEnd()) return;
        sim.step(sim.tickMs);
        bump(0);
      }, REDUCED_STEP_MS / playerRef.current.speed);
    } else {
      const loop = (now: number) => {
        const dt = simulatedDelta(playerRef.current, now - last);
        last = now;
        if (atEnd()) return;
        if (sim.step(dt).length > 0 || dt > 0) bump(0);
        frame = requestAnimationFrame(loop);
      };
      frame = requestAnimationFrame(loop);
    }
    return () => {
      cancelAnimationFrame(frame);
      if (timer) clearInterval(timer);
    };
  }, [player.playing, player.speed, active, reducedMotion, sim]);

  const run = (cmd: PlayerCommand) => {
    const effect = command(playerRef.current, cmd);
    if (effect.sim === 'step' && sim.ticks() < maxTicks) sim.step(sim.tickMs);
    if (effect.sim === 'back') sim.back();
    if (effect.sim === 'reset') sim.reset();
    setPlayer(effect.state);
    bump(0);
  };
  const seek = (tick: number) => {
    sim.seek(tick);
    setPlayer((p) => ({ ...p, playing: false }));
    bump(0);
  };
  return { player, run, seek, refresh: () => bump(0), version };
}
