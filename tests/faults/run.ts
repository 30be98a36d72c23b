import { parseArgs } from 'node:util';
import { uniqueSiteId } from '@technopark/testing';
import { FaultSite } from './support/fault-site';
import { loadTable, runLoad } from './support/load';
import { onOwnSite, runFaultSuite } from './support/run-suite';

const USAGE = `usage: npm run faults -- [--quick] [F1 F3 …]
       npm run faults -- --load [--rate 2] [--rate-step 2] [--step-seconds 300] [--steps 10]

  (scenarios)  a site cell (and HQ for F6, F7) under crashes, outages and poison, checked by a ledger;
               --quick: F1, F3 at 5 s and F5 with shorter load (what npm test runs)
  --load       journeys begun at a rising rate (open loop) until a promise breaks: HTTP p99 over
               500 ms, the end-to-end lag over 5 s, or an error; one long step at one rate is a soak`;

/**
 * `npm run faults`: the platform's promises under crashes, outages, bad input and load, on cells of
 * its own. Prints one table per scenario (or the load's steps); exits 1 when any promise broke.
 */
async function main(): Promise<number> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      quick: { type: 'boolean', default: false },
      load: { type: 'boolean', default: false },
      rate: { type: 'string', default: '2' },
      'rate-step': { type: 'string', default: '2' },
      'step-seconds': { type: 'string', default: '300' },
      steps: { type: 'string', default: '10' },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) return print(USAGE, 0);
  const started = Date.now();
  const progress = (line: string) =>
    console.log(line.startsWith('\n') ? line : `faults [${((Date.now() - started) / 1000).toFixed(0)} s] ${line}`);
  if (values.load) {
    const numbers = (['rate', 'rate-step', 'step-seconds', 'steps'] as const).map((name) => {
      const value = Number(values[name]);
      if (!(value > 0)) throw new Error(`--${name} must be a positive number, not '${values[name]}'`);
      return value;
    });
    const [startRate, rateStep, stepSeconds, maxSteps] = numbers as [number, number, number, number];
    const site = new FaultSite(uniqueSiteId('load'));
    const report = await onOwnSite(site, true, progress, () =>
      runLoad(site, { startRate, rateStep, stepSeconds, maxSteps }, progress),
    );
    console.log(`\n${loadTable(report, site.site)}`);
    return 0;
  }
  const reports = await runFaultSuite({ quick: values.quick, only: positionals, progress, closeOnSignals: true });
  const broken = reports.filter((report) => report.broken.length > 0);
  console.log(
    `faults: ${reports.length - broken.length} of ${reports.length} scenarios held` +
      (broken.length ? `; broken: ${broken.map((report) => report.id).join(', ')}` : ''),
  );
  return broken.length ? 1 : 0;
}

function print(text: string, code: number): number {
  console.log(text);
  return code;
}

main().then(
  (code) => process.exit(code),
  (error: Error) => {
    console.error(`faults: ${error.message}`);
    process.exit(1);
  },
);
