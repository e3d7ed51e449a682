import { describe, expect, it } from 'vitest';
import { INITIAL_PLAYER, SHORTCUTS, SPEEDS, command, commandForKey, simulatedDelta } from '../../../src/widgets/ui/player.ts';
import { formatTick, linearScale, niceDomain, niceStep } from '../../../src/widgets/ui/scale.ts';

describe('player', () => {
  it('space toggles play, arrows step (and pause), Home resets', () => {
    const playing = command(INITIAL_PLAYER, commandForKey(' ')!).state;
    expect(playing.playing).toBe(true);
    expect(command(playing, commandForKey('ArrowRight')!)).toEqual({ state: { ...playing, playing: false }, sim: 'step' });
    expect(command(playing, commandForKey('ArrowLeft')!).sim).toBe('back');
    expect(command(playing, commandForKey('Home')!)).toEqual({ state: { ...playing, playing: false }, sim: 'reset' });
    expect(commandForKey('x')).toBeNull();
  });

  it('speed moves through 0.25x to 4x and stops at the ends', () => {
    let s = INITIAL_PLAYER;
    for (let i = 0; i < 10; i++) s = command(s, 'faster').state;
    expect(s.speed).toBe(4);
    for (let i = 0; i < 10; i++) s = command(s, 'slower').state;
    expect(s.speed).toBe(0.25);
    expect(SPEEDS).toEqual([0.25, 0.5, 1, 2, 4]);
  });

  it('turns wall time into simulated time at the speed, clamping long frames', () => {
    expect(simulatedDelta({ playing: true, speed: 2 }, 16)).toBe(32);
    expect(simulatedDelta({ playing: false, speed: 2 }, 16)).toBe(0);
    expect(simulatedDelta({ playing: true, speed: 1 }, 5000)).toBe(100);
  });

  it('every shortcut has a label to announce', () => {
    for (const s of SHORTCUTS) expect(s.label.length).toBeGreaterThan(0);
  });
});

describe('chart scales', () => {
  it('picks round steps', () => {
    expect(niceStep(100, 5)).toBe(20);
    expect(niceStep(1240, 4)).toBe(500);
    expect(niceStep(0.7, 5)).toBeCloseTo(0.1);
  });

  it('extends the domain to whole steps and handles flat data', () => {
    expect(niceDomain(3, 97)).toEqual([0, 100]);
    expect(niceDomain(0, 0)).toEqual([0, 1]);
    expect(niceDomain(5, 5)).toEqual([0, 5]);
  });

  it('maps linearly and lists ticks without float drift', () => {
    const x = linearScale([0, 0.3], [0, 300]);
    expect(x(0.15)).toBeCloseTo(150);
    expect(x.ticks(3)).toEqual([0, 0.1, 0.2, 0.3]);
    expect(linearScale([0, 1000], [100, 0]).ticks(5)).toEqual([0, 200, 400, 600, 800, 1000]);
  });

  it('formats ticks with separators and units', () => {
    expect(formatTick(1240)).toBe('1,240');
    expect(formatTick(2.5, 's')).toBe('2.5 s');
  });
});
