import { runFaultSuite } from './support/run-suite';

/**
 * `npm run faults -- [--quick] [F1 F3 …]`: the platform's promises under crashes, outages and bad
 * input, on a site cell of its own. Prints one table per scenario; exits 1 when any promise broke.
 */
async function main(): Promise<number> {
  const args = process.argv.slice(2);
  const quick = args.includes('--quick');
  const only = args.filter((arg) => arg !== '--quick');
  const started = Date.now();
  const progress = (line: string) =>
    console.log(line.startsWith('\n') ? line : `faults [${((Date.now() - started) / 1000).toFixed(0)} s] ${line}`);
  const reports = await runFaultSuite({ quick, only, progress, closeOnSignals: true });
  const broken = reports.filter((report) => report.broken.length > 0);
  console.log(
    `faults: ${reports.length - broken.length} of ${reports.length} scenarios held` +
      (broken.length ? `; broken: ${broken.map((report) => report.id).join(', ')}` : ''),
  );
  return broken.length ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (error: Error) => {
    console.error(`faults: ${error.message}`);
    process.exit(1);
  },
);
