import { expect, it } from 'vitest';
import * as rl from '../../../src/widgets/rate-limiter/model.ts';
import * as up from '../../../src/widgets/uptime/model.ts';
import * as ca from '../../../src/widgets/cache/model.ts';
import * as pa from '../../../src/widgets/kafka/partitioner.ts';
import * as as from '../../../src/widgets/kafka/assignors.ts';
import * as lag from '../../../src/widgets/kafka/lag.ts';
import * as jwt from '../../../src/widgets/jwt/model.ts';
import * as uu from '../../../src/widgets/uuid/model.ts';
// Islands and docs are written against these module names and exports: renaming one fails here.
it('every widget model exports its public names', () => {
  const need: [object, string[]][] = [
    [rl, ['createLimiter', 'simulateTraffic']],
    [up, ['YEAR_MS', 'downtimeBudget', 'availabilityFor', 'nines', 'serial', 'parallel', 'compose', 'formatDuration']],
    [ca, ['simulate']],
    [pa, ['murmur2', 'toPositive', 'partitionForKey']],
    [as, ['assign', 'cooperativeRebalance']],
    [lag, ['evaluateLag']],
    [jwt, ['decodeJwt', 'verifyJwt', 'claimWarnings', 'JwtError']],
    [uu, ['generate', 'inspect', 'UuidError']],
  ];
  const missing = need.flatMap(([m, names]) => names.filter((n) => !(n in m)));
  expect(missing).toEqual([]);
  expect(up.YEAR_MS).toBe(31556952000);
  expect(up.formatDuration(up.downtimeBudget(0.999).year)).toBe('8h 45m 57s');
});
