import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SERVICE_NODE_FLAGS, serviceNodeArguments } from './service-node-flags';

const repoRoot = join(__dirname, '../../..');

/** The young generation's committed size, MB, after a burst of short-lived allocations under `flags`. */
function youngGenerationAfterBurst(flags: readonly string[]): number {
  const script = `
    let kept = [];
    for (let round = 0; round < 200; round++) { kept.push(new Array(20000).fill({ round })); if (kept.length > 20) kept = []; }
    const young = require('v8').getHeapSpaceStatistics().find((space) => space.space_name === 'new_space');
    process.stdout.write(String(young.space_size / 1048576));`;
  return Number(execFileSync(process.execPath, [...flags, '-e', script]).toString());
}

describe('SERVICE_NODE_FLAGS', () => {
  it('keeps the young generation small where node would let it grow', () => {
    expect(youngGenerationAfterBurst([])).toBeGreaterThan(8);
    expect(youngGenerationAfterBurst(SERVICE_NODE_FLAGS)).toBeLessThanOrEqual(4);
  });

  it('puts the flags before the entry point, where node reads them as its own', () => {
    expect(serviceNodeArguments('dist/services/residency/main.js')).toEqual([
      ...SERVICE_NODE_FLAGS,
      'dist/services/residency/main.js',
    ]);
  });

  it('are the flags the Docker image runs its service with', () => {
    const dockerfile = readFileSync(join(repoRoot, 'deploy/service.Dockerfile'), 'utf8');
    const command = /^CMD (\[.*\])$/m.exec(dockerfile)?.[1];
    expect(command && JSON.parse(command)).toEqual(['node', ...SERVICE_NODE_FLAGS, 'main.js']);
  });
});
