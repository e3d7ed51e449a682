/**
 * The periods an availability target is measured over, in whole milliseconds.
 *
 * The year is the Gregorian mean year, 365.2425 days (97 leap days every 400 years), the same
 * estimate java.time uses: openjdk/jdk src/java.base/share/classes/java/time/temporal/ChronoUnit.java
 * defines YEARS as Duration.ofSeconds(31556952L) and MONTHS as 31556952L / 12, and IsoFields.java
 * defines QUARTER_YEARS as 31556952L / 4. All five periods are whole numbers of milliseconds, so
 * every budget below starts from an exact integer.
 */

export const DAY_MS = 86_400_000;
export const WEEK_MS = 7 * DAY_MS; // 604 800 000
/** 365.2425 days = 31 556 952 s. */
export const YEAR_MS = 31_556_952_000;
/** year / 12 = 2 629 746 s (exact: 31 556 952 is divisible by 12). */
export const MONTH_MS = YEAR_MS / 12;
/** year / 4 = 7 889 238 s (exact). */
export const QUARTER_MS = YEAR_MS / 4;

export type PeriodName = 'day' | 'week' | 'month' | 'quarter' | 'year';

/** Periods in display order, shortest first. */
export const PERIOD_NAMES: readonly PeriodName[] = ['day', 'week', 'month', 'quarter', 'year'];

export const PERIOD_MS: Readonly<Record<PeriodName, number>> = {
  day: DAY_MS,
  week: WEEK_MS,
  month: MONTH_MS,
  quarter: QUARTER_MS,
  year: YEAR_MS,
};
