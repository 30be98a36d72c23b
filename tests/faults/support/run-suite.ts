import { uniqueSiteId } from '@technopark/testing';
import { FAULT_SITE_SERVICES, FaultSite } from './fault-site';
import { FULL_LOAD, QUICK_LOAD, reportTable, runScenario, type ScenarioReport } from './fault-suite';
import type { Poison } from './poison';
import { type Scenario, scenarioSet } from './scenarios';

export interface SuiteOptions {
  /** The set `npm test` runs, with shorter load around each fault. */
  readonly quick: boolean;
  /** Scenario ids (`F3` takes every F3 variant); every scenario of the set when empty. */
  readonly only: readonly string[];
  readonly progress: (line: string) => void;
  /** Ctrl-C or SIGTERM stops what the suite started before the process exits (the CLI). */
  readonly closeOnSignals?: boolean;
}

/** The scenarios `only` names, in the set's order; an id the set does not have is an error that lists them. */
export function chosenScenarios(quick: boolean, only: readonly string[]): Scenario[] {
  const set = scenarioSet(quick);
  const matches = (scenario: Scenario, id: string) => scenario.id === id || scenario.id.startsWith(`${id}-`);
  const unknown = only.filter((id) => !set.some((scenario) => matches(scenario, id)));
  if (unknown.length)
    throw new Error(
      `no scenario ${unknown.join(', ')} in the ${quick ? 'quick' : 'full'} set: ${set.map((s) => s.id).join(', ')}`,
    );
  return only.length ? set.filter((scenario) => only.some((id) => matches(scenario, id))) : set;
}

/** Starts a site cell of its own, runs the chosen scenarios one after another on it, and stops it. */
export async function runFaultSuite({
  quick,
  only,
  progress,
  closeOnSignals = false,
}: SuiteOptions): Promise<ScenarioReport[]> {
  const scenarios = chosenScenarios(quick, only);
  // HQ and the link run only when a scenario strikes them; then every scenario checks HQ's figures too.
  const site = new FaultSite(
    uniqueSiteId('faults'),
    scenarios.some((scenario) => scenario.needsHq),
  );
  return onOwnSite(site, closeOnSignals, progress, async () => {
    const reports: ScenarioReport[] = [];
    const poisonSoFar: Poison[] = [];
    for (const scenario of scenarios) {
      progress(`${scenario.id}: ${scenario.fault}`);
      const report = await runScenario(site, scenario, quick ? QUICK_LOAD : FULL_LOAD, poisonSoFar, progress);
      progress(`\n${reportTable(report)}\n`);
      if (report.broken.length)
        for (const service of FAULT_SITE_SERVICES.filter((each) => site.tail(each).trim()))
          progress(`${scenario.id}: ${service}'s output ends with:\n${site.tail(service, 2_000)}`);
      reports.push(report);
    }
    return reports;
  });
}

/**
 * Starts the site, runs `work` on it, and stops it whatever happens. `closeOnSignals` (the CLI):
 * Ctrl-C or SIGTERM stops the site too before the process exits.
 */
export async function onOwnSite<T>(
  site: FaultSite,
  closeOnSignals: boolean,
  progress: (line: string) => void,
  work: () => Promise<T>,
): Promise<T> {
  const interrupted = (signal: NodeJS.Signals) => {
    progress(`${signal}: stopping the cells`);
    void site.close().finally(() => process.exit(130));
  };
  const signals: NodeJS.Signals[] = closeOnSignals ? ['SIGINT', 'SIGTERM'] : [];
  for (const signal of signals) process.once(signal, interrupted);
  try {
    await site.start(progress);
    return await work();
  } finally {
    for (const signal of signals) process.off(signal, interrupted);
    progress('stopping the cells');
    await site.close();
  }
}
