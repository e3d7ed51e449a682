/**
 * Availability of systems built from components, assuming independent failures:
 * - serial (every component is needed): A = A1 * A2 * ... * An
 * - parallel (any one component suffices): A = 1 - (1 - A1) * (1 - A2) * ... * (1 - An)
 * A whole tree is evaluated exactly (BigInt fractions, see exact.ts) and rounded once at the end,
 * so nesting adds no floating-point error: compose({ serial: [0.999, { parallel: [0.99, 0.99] }] })
 * is exactly 0.999 * 0.9999 = 0.9989001.
 * Empty groups follow the empty-product convention: serial() = 1, parallel() = 0.
 */
import { availabilityRational, type Availability } from './budget.ts';
import { ONE, type Rational, mul, sub, toNumber } from './exact.ts';

/** A leaf: a bare availability or a labelled component. */
export type AvailabilityLeaf = Availability | { readonly availability: Availability; readonly label?: string };

/** A system: a component, or components in series or in parallel (nested freely). */
export type AvailabilityTree =
  | AvailabilityLeaf
  | { readonly serial: readonly AvailabilityTree[]; readonly label?: string }
  | { readonly parallel: readonly AvailabilityTree[]; readonly label?: string };

/** One evaluated node of a tree, for the island to show how each group's figure arises. */
export interface EvaluatedNode {
  readonly kind: 'component' | 'serial' | 'parallel';
  readonly label?: string;
  /** This node's availability, rounded once from the exact value. */
  readonly availability: Availability;
  readonly children: readonly EvaluatedNode[];
}

function serialExact(parts: readonly Rational[]): Rational {
  return parts.reduce(mul, ONE);
}

function parallelExact(parts: readonly Rational[]): Rational {
  return sub(ONE, parts.reduce((acc, a) => mul(acc, sub(ONE, a)), ONE));
}

/** Availability when every component is needed: the product. */
export function serial(...availabilities: Availability[]): Availability {
  return toNumber(serialExact(availabilities.map(availabilityRational)));
}

/** Availability when any one component suffices: 1 - product of unavailabilities. */
export function parallel(...availabilities: Availability[]): Availability {
  return toNumber(parallelExact(availabilities.map(availabilityRational)));
}

interface Exact {
  readonly value: Rational;
  readonly node: EvaluatedNode;
}

function withLabel(label: string | undefined): { label?: string } {
  return label === undefined ? {} : { label };
}

function evaluate(tree: AvailabilityTree): Exact {
  if (typeof tree === 'number') {
    const value = availabilityRational(tree);
    return { value, node: { kind: 'component', availability: toNumber(value), children: [] } };
  }
  if (typeof tree !== 'object' || tree === null) {
    throw new TypeError('an availability tree node must be a number or an object');
  }
  const isSerial = 'serial' in tree;
  const isParallel = 'parallel' in tree;
  const isLeaf = 'availability' in tree;
  if (Number(isSerial) + Number(isParallel) + Number(isLeaf) !== 1) {
    throw new TypeError('a tree node needs exactly one of "serial", "parallel" or "availability"');
  }
  if (isLeaf) {
    const value = availabilityRational(tree.availability);
    return {
      value,
      node: { kind: 'component', ...withLabel(tree.label), availability: toNumber(value), children: [] },
    };
  }
  const kind = isSerial ? 'serial' : 'parallel';
  const members = 'serial' in tree ? tree.serial : 'parallel' in tree ? tree.parallel : [];
  if (!Array.isArray(members)) throw new TypeError(`"${kind}" must be an array of tree nodes`);
  const children = members.map(evaluate);
  const parts = children.map((c) => c.value);
  const value = kind === 'serial' ? serialExact(parts) : parallelExact(parts);
  return {
    value,
    node: {
      kind,
      ...withLabel(tree.label),
      availability: toNumber(value),
      children: children.map((c) => c.node),
    },
  };
}

/** Availability of a nested serial / parallel system, e.g. { serial: [0.999, { parallel: [0.99, 0.99] }] }. */
export function compose(tree: AvailabilityTree): Availability {
  return toNumber(evaluate(tree).value);
}

/** The same evaluation as compose, keeping every node's availability (for explanations). */
export function explainComposition(tree: AvailabilityTree): EvaluatedNode {
  return evaluate(tree).node;
}
