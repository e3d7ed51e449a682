// A call admitted while the circuit was closed finishes, successfully, only after the circuit has
// opened and gone half-open. It must not close the circuit: only the trial call may decide.
import { CircuitBreaker } from './circuit-breaker.ts';

let t = 0;
const b = new CircuitBreaker({ failureRateThreshold: 0.5, windowSize: 4, minimumCalls: 2, openMs: 1000, trialCalls: 1, now: () => t });
const deferred = () => {
  let resolve!: (v: string) => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<string>((ok, fail) => ((resolve = ok), (reject = fail)));
  return { promise, resolve, reject };
};
const states: string[] = [];
const slow = deferred();
const slowCall = b.call(() => slow.promise);
await b.call(() => Promise.reject(new Error('down'))).catch(() => {});
await b.call(() => Promise.reject(new Error('down'))).catch(() => {});
states.push(b.current); // open
t += 1500;
const trial = deferred();
const trialCall = b.call(() => trial.promise);
states.push(b.current); // half-open
slow.resolve('late success');
await slowCall;
states.push(b.current); // must still be half-open
trial.reject(new Error('still down'));
await trialCall.catch(() => {});
states.push(b.current); // open again
console.log(JSON.stringify(states));
