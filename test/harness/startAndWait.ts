/**
 * Run by process.test.ts with a data folder: starts a harness process on it as the tests and
 * benchmarks do, prints its pid, then waits to be killed.
 */
import { startHarnessProcess } from '../e2e/harnessProcess';

const dataDir = process.argv[2];
if (!dataDir) throw new Error('usage: startAndWait.ts <data folder>');
const harness = await startHarnessProcess({ dataDir });
console.log(`harness pid ${harness.pid}`);
setInterval(() => undefined, 60_000);
