/**
 * How numbers and dates read on the page, one format site-wide: reading time in
 * minutes ("18 min"), a path's length in whole hours ("1 hour", "7 hours") and
 * dates as "3 November 2026".
 */
import type { Level } from './learning-paths.ts';

/** Dates are written the British way, as the site's prose is. */
const DATE_LOCALE = 'en-GB';

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

export function formatMinutes(minutes: number): string {
  return `${minutes} min`;
}

export function formatReadingTime(minutes: number): string {
  return `${formatMinutes(minutes)} read`;
}

export function formatHours(hours: number): string {
  return plural(hours, 'hour');
}

/** A path's total length: whole hours once it reaches one, minutes below that. */
export function formatLength(totals: { minutes: number; hours: number }): string {
  return totals.hours >= 1 ? formatHours(totals.hours) : formatMinutes(totals.minutes);
}

/** The same length as a label and value, for a stats table ("Hours" · "7"). */
export function lengthStat(totals: { minutes: number; hours: number }): { label: string; value: string } {
  return totals.hours >= 1 ? { label: 'Hours', value: String(totals.hours) } : { label: 'Reading', value: formatMinutes(totals.minutes) };
}

export function formatDate(date: Date): string {
  return date.toLocaleDateString(DATE_LOCALE, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
}

/** The machine-readable day for a <time datetime>. */
export function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

export function levelLabel(level: Level): string {
  return level[0]!.toUpperCase() + level.slice(1);
}
