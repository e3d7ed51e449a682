/**
 * Uptime widget model: downtime budgets, nines, and serial / parallel composition.
 * Pure and deterministic; every result is computed exactly and rounded once (see exact.ts).
 * This file is the public entry point; the pieces live in small sibling modules.
 */
export { DAY_MS, WEEK_MS, MONTH_MS, QUARTER_MS, YEAR_MS, PERIOD_MS, PERIOD_NAMES, type PeriodName } from './periods.ts';
export {
  type Availability,
  type DowntimeBudget,
  downtimeBudget,
  downtimeFor,
  availabilityFor,
  nines,
  availabilityFromNines,
} from './budget.ts';
export {
  type AvailabilityLeaf,
  type AvailabilityTree,
  type EvaluatedNode,
  serial,
  parallel,
  compose,
  explainComposition,
} from './composition.ts';
export { formatDuration } from './format.ts';
