/**
 * Burrow's lag evaluation, transliterated from linkedin/Burrow core/internal/evaluator/caching.go:
 * calculatePartitionStatus and rules 1-5 plus checkIfRecentLagZero, evaluatePartitionStatus
 * (completeness) and evaluateConsumerStatus (group status); status constants and names from
 * core/protocol/evaluator.go.
 */

/** A partition's status. Burrow calls WARNING "WARN"; STOP, STALL and REWIND are its error states. */
export type PartitionStatus = 'OK' | 'WARNING' | 'STOP' | 'STALL' | 'REWIND';
/** A group's status: any partition in STOP, STALL or REWIND makes the group ERROR ("ERR" in Burrow). */
export type GroupStatus = 'OK' | 'WARNING' | 'ERROR';

/** Burrow's protocol.StatusConstant values (NOTFOUND = 0 is not modelled). */
export const STATUS_CODE: Readonly<Record<PartitionStatus | GroupStatus, number>> = {
  OK: 1,
  WARNING: 2,
  ERROR: 3,
  STOP: 4,
  STALL: 5,
  REWIND: 6,
};

/** The strings Burrow prints (protocol.statusStrings). */
export const BURROW_STATUS_NAME: Readonly<Record<PartitionStatus | GroupStatus, string>> = {
  OK: 'OK',
  WARNING: 'WARN',
  ERROR: 'ERR',
  STOP: 'STOP',
  STALL: 'STALL',
  REWIND: 'REWIND',
};

/** One stored offset commit (Burrow's protocol.ConsumerOffset). lag is null where Burrow has no Lag value. */
export interface CommitSample {
  offset: number;
  timestampMs: number;
  lag: number | null;
}

/** What Burrow evaluates for one partition. */
export interface LagWindow {
  /** Stored commits, oldest first (Burrow keeps the last `intervals` of them). */
  offsets: readonly CommitSample[];
  /** Recent broker log-end offsets (Burrow keeps the last `intervals` of them). */
  brokerOffsets?: readonly number[];
  /** Broker offset now minus the last committed offset (never negative). */
  currentLag: number;
  /** Evaluation time. Burrow uses time.Now().Unix() * 1000, so it is truncated to whole seconds here too. */
  nowMs: number;
  /** Ring size; fewer stored commits than this make the window incomplete. Defaults to offsets.length. */
  intervals?: number;
  /** Burrow's evaluator minimum-complete: below it the partition is reported OK unevaluated. Default 0. */
  minimumComplete?: number;
}

/** Each of Burrow's rule functions, evaluated independently (as TestCachingEvaluator_CheckRules does). */
export interface LagRules {
  /** Rule 1 (isLagAlwaysNotZero): no stored commit had zero lag. */
  lagAlwaysNotZero: boolean;
  /** Rule 2 (checkIfOffsetsRewind): a committed offset went down. */
  rewind: boolean;
  /** Rule 3 (checkIfOffsetsStopped): now - last commit > last commit - first commit. */
  stopped: boolean;
  /** Rule 4 (checkIfOffsetsStalled): every stored commit has the same offset. */
  stalled: boolean;
  /** Rule 5 (checkIfLagNotDecreasing): lag never went down between commits (null lags skipped). */
  lagNotDecreasing: boolean;
  /** checkIfRecentLagZero: some recent broker offset was <= the last committed offset. */
  recentLagZero: boolean;
}

export interface LagEvaluation {
  status: PartitionStatus;
  /** Fraction of the ring that holds commits (Burrow's Complete). */
  complete: number;
  currentLag: number;
  rules: LagRules | null;
  start: CommitSample | null;
  end: CommitSample | null;
  /** One sentence for a person: which rule decided. */
  reason: string;
}

function burrowNowMs(nowMs: number): number {
  return Math.floor(nowMs / 1000) * 1000;
}

export function isLagAlwaysNotZero(offsets: readonly CommitSample[]): boolean {
  return offsets.every((o) => o.lag === null || o.lag !== 0);
}

export function checkIfOffsetsRewind(offsets: readonly CommitSample[]): boolean {
  for (let i = 1; i < offsets.length; i++) if (offsets[i]!.offset < offsets[i - 1]!.offset) return true;
  return false;
}

/** nowMs as Burrow has it: whole seconds times 1000. */
export function checkIfOffsetsStopped(offsets: readonly CommitSample[], nowMs: number): boolean {
  const first = offsets[0]!.timestampMs;
  const last = offsets[offsets.length - 1]!.timestampMs;
  return burrowNowMs(nowMs) - last > last - first;
}

export function checkIfOffsetsStalled(offsets: readonly CommitSample[]): boolean {
  for (let i = 1; i < offsets.length; i++) if (offsets[i]!.offset !== offsets[i - 1]!.offset) return false;
  return true;
}

export function checkIfLagNotDecreasing(offsets: readonly CommitSample[]): boolean {
  let lastLag: number | null = null;
  for (const o of offsets) {
    if (o.lag !== null) {
      if (lastLag !== null && o.lag < lastLag) return false;
      lastLag = o.lag;
    }
  }
  return true;
}

export function checkIfRecentLagZero(offsets: readonly CommitSample[], brokerOffsets: readonly number[]): boolean {
  const lastOffset = offsets[offsets.length - 1]!.offset;
  return brokerOffsets.some((b) => b <= lastOffset);
}

/** All rules for a non-empty window. */
export function burrowRules(offsets: readonly CommitSample[], brokerOffsets: readonly number[], nowMs: number): LagRules {
  if (offsets.length === 0) throw new RangeError('Burrow evaluates rules only over at least one commit');
  return {
    lagAlwaysNotZero: isLagAlwaysNotZero(offsets),
    rewind: checkIfOffsetsRewind(offsets),
    stopped: checkIfOffsetsStopped(offsets, nowMs),
    stalled: checkIfOffsetsStalled(offsets),
    lagNotDecreasing: checkIfLagNotDecreasing(offsets),
    recentLagZero: checkIfRecentLagZero(offsets, brokerOffsets),
  };
}

/**
 * Burrow's calculatePartitionStatus, in its order: with current lag, STOP first (unless the consumer was caught up
 * in the recent broker offsets); then, only if lag was never zero in the window: REWIND, STALL, WARNING.
 */
export function calculatePartitionStatus(
  offsets: readonly CommitSample[],
  brokerOffsets: readonly number[],
  currentLag: number,
  nowMs: number,
): PartitionStatus {
  return decide(offsets, brokerOffsets, currentLag, nowMs).status;
}

function decide(
  offsets: readonly CommitSample[],
  brokerOffsets: readonly number[],
  currentLag: number,
  nowMs: number,
): { status: PartitionStatus; reason: string } {
  if (currentLag > 0) {
    if (checkIfOffsetsStopped(offsets, nowMs) && !checkIfRecentLagZero(offsets, brokerOffsets)) {
      return { status: 'STOP', reason: 'There is lag and no commit for longer than the window spans: the consumer stopped committing.' };
    }
    if (isLagAlwaysNotZero(offsets)) {
      if (checkIfOffsetsRewind(offsets)) return { status: 'REWIND', reason: 'A committed offset went backwards.' };
      if (checkIfOffsetsStalled(offsets)) return { status: 'STALL', reason: 'The consumer keeps committing the same offset while there is lag.' };
      if (checkIfLagNotDecreasing(offsets)) return { status: 'WARNING', reason: 'Offsets advance but the lag never went down in the window: the consumer is falling behind.' };
      return { status: 'OK', reason: 'Lag went down at least once in the window.' };
    }
    return { status: 'OK', reason: 'Lag was zero at some commit in the window.' };
  }
  return { status: 'OK', reason: 'No current lag.' };
}

/** Burrow's evaluatePartitionStatus for one partition's window. */
export function evaluateLag(window: LagWindow): LagEvaluation {
  const { offsets, currentLag } = window;
  const brokerOffsets = window.brokerOffsets ?? [];
  if (currentLag < 0) throw new RangeError(`currentLag cannot be negative, got ${currentLag}`);
  if (offsets.length === 0) {
    return { status: 'OK', complete: 0, currentLag, rules: null, start: null, end: null, reason: 'No commits yet: nothing to evaluate.' };
  }
  const intervals = Math.max(window.intervals ?? offsets.length, offsets.length);
  const complete = offsets.length / intervals;
  const start = offsets[0]!;
  const end = offsets[offsets.length - 1]!;
  const rules = burrowRules(offsets, brokerOffsets, window.nowMs);
  if (complete < (window.minimumComplete ?? 0)) {
    return { status: 'OK', complete, currentLag, rules, start, end, reason: 'Too few commits stored to evaluate (minimum-complete).' };
  }
  const { status, reason } = decide(offsets, brokerOffsets, currentLag, window.nowMs);
  return { status, complete, currentLag, rules, start, end, reason };
}

/** evaluateConsumerStatus: the worst partition status, with STOP, STALL and REWIND reported as ERROR. */
export function groupStatus(statuses: readonly PartitionStatus[]): GroupStatus {
  let worst: GroupStatus = 'OK';
  for (const s of statuses) {
    if (STATUS_CODE[s] > STATUS_CODE[worst]) worst = STATUS_CODE[s] > STATUS_CODE.ERROR ? 'ERROR' : (s as GroupStatus);
  }
  return worst;
}
