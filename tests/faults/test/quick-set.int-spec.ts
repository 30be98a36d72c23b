import { uniqueSiteId } from '@technopark/testing';
import { FaultSite } from '../support/fault-site';
import { QUICK_LOAD, reportTable, runScenario, type ScenarioReport } from '../support/fault-suite';
import type { Poison } from '../support/poison';
import { scenarioSet } from '../support/scenarios';
import { settleLedger } from '../support/site-ledger';
import { Workload } from '../support/workload';

/**
 * `npm run faults -- --quick` inside `npm test`: F1 (consumers killed with kill -9, twice each),
 * F3 (the broker stopped 5 s) and F5 (poison on every consumed topic), on a site cell of its own.
 */
describe('the fault suite, quick set: one site cell under crashes, an outage and poison', () => {
  const site = new FaultSite(uniqueSiteId('faults'));
  const poisonSoFar: Poison[] = [];
  const progress = (line: string) => process.stdout.write(`${line}\n`);

  beforeAll(() => site.start(progress), 300_000);
  afterAll(() => site.close());

  it.each(scenarioSet(true).map((scenario) => [scenario.id, scenario] as const))(
    '%s holds its promises, the ledger agreeing with every service',
    async (_id, scenario) => {
      const report: ScenarioReport = await runScenario(site, scenario, QUICK_LOAD, poisonSoFar, progress);
      progress(reportTable(report));
      expect(report.broken).toEqual([]);
      expect(report.accepted).toBeGreaterThan(0);
      expect([report.lost, report.duplicated, report.kpiDrift, report.unexpectedDeadLetters]).toEqual([0, 0, 0, 0]);
    },
  );

  it('catches an effect that never came: journeys decided while analytics is down, then found once it is back', async () => {
    await site.kill('analytics');
    const workload = new Workload(site.site, site.url('applications'), site.tokens);
    await workload.start(1, 500);
    await new Promise((resolve) => setTimeout(resolve, 4_000));
    await workload.stop();
    const short = await settleLedger(site, workload, 3_000);
    expect(short.lost).toBeGreaterThan(0);
    expect(short.details.join('; ')).toMatch(/submitted: shown 0, the ledger says [1-9]/);

    await site.restart('analytics');
    const caughtUp = await settleLedger(site, workload, QUICK_LOAD.catchUpMs);
    expect([caughtUp.lost, caughtUp.duplicated, caughtUp.kpiDrift]).toEqual([0, 0, 0]);
  });
});
