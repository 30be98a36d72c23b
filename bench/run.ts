import { benchBackbone } from './backbone';

const BENCHMARKS: Record<string, () => Promise<void>> = { backbone: benchBackbone };

const name = process.argv[2] ?? '';
const benchmark = BENCHMARKS[name];
if (!benchmark) {
  console.error(`usage: npm run bench -- <${Object.keys(BENCHMARKS).join('|')}>`);
  process.exit(2);
}
benchmark().catch((error: Error) => {
  console.error(`bench: ${error.stack ?? error.message}`);
  process.exit(1);
});
