import { benchBackbone } from './backbone';
import { benchKpis } from './kpis';
import { benchMatching } from './matching';
import { benchPartners } from './partners';
import { benchRegistrations } from './registrations';
import { benchReplication } from './replication';
import { benchRebuild, benchSummary } from './summary';

const BENCHMARKS: Record<string, () => Promise<void>> = {
  backbone: benchBackbone,
  kpis: benchKpis,
  matching: benchMatching,
  partners: benchPartners,
  rebuild: benchRebuild,
  registrations: benchRegistrations,
  replication: benchReplication,
};

const name = process.argv[2] ?? '';
// No name: the summary of every goal in one table (`--quick`: the short run).
const benchmark = name === '' || name === '--quick' ? () => benchSummary(name === '--quick') : BENCHMARKS[name];
if (!benchmark) {
  console.error(`usage: npm run bench [-- --quick]   or   npm run bench -- <${Object.keys(BENCHMARKS).join('|')}>`);
  process.exit(2);
}
benchmark().catch((error: Error) => {
  console.error(`bench: ${error.stack ?? error.message}`);
  process.exit(1);
});
