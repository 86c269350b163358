/**
 * Every fast-check property of the test run starts from one fixed seed, so that a run gives the
 * same cases on every machine: a property that found a case only on CI could not be repeated, and
 * a test run must pass or fail on the code alone. Exploring new cases is `npm run fuzz`'s work
 * (a new seed each run, printed) and this variable's: `ACCT_PROPERTY_SEED=random npx vitest run`
 * draws a seed and prints it, `ACCT_PROPERTY_SEED=N` repeats that run. A property that names its
 * own seed keeps it.
 */
import fc from 'fast-check';

const FIXED_SEED = 20261206;

const asked = process.env.ACCT_PROPERTY_SEED;
const seed = asked === 'random' ? Math.floor(Math.random() * 2 ** 31) : asked ? Number(asked) : FIXED_SEED;
if (!Number.isInteger(seed)) throw new Error(`ACCT_PROPERTY_SEED must be an integer or "random", not ${JSON.stringify(asked)}`);
if (asked === 'random') console.log(`fast-check seed ${seed} (repeat with ACCT_PROPERTY_SEED=${seed})`);
fc.configureGlobal({ ...fc.readConfigureGlobal(), seed });
