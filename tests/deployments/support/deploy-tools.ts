import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
export const repoRoot = join(__dirname, '../../..');
const infraHome = process.env['TECHNOPARK_INFRA_HOME'] ?? join(repoRoot, '.infra');

/** kustomize, built once from its Go module (the version every overlay is checked with). */
export const KUSTOMIZE_MODULE = 'sigs.k8s.io/kustomize/kustomize/v5@v5.7.1';
/** The schemas of the Kubernetes API and of Strimzi's published CRDs, as kubernetes-models packages them. */
export const SCHEMA_PACKAGES = ['kubernetes-models@5.1.0', '@kubernetes-models/strimzi-kafka-operator@1.0.1'];

export async function kustomize(): Promise<string> {
  const bin = join(infraHome, 'bin');
  const binary = join(bin, 'kustomize');
  const stamp = `${binary}.module`;
  if (existsSync(binary) && existsSync(stamp) && readFileSync(stamp, 'utf8') === KUSTOMIZE_MODULE) return binary;
  mkdirSync(bin, { recursive: true });
  await run('go', ['install', KUSTOMIZE_MODULE], { env: { ...process.env, GOBIN: bin }, maxBuffer: 1 << 24 });
  writeFileSync(stamp, KUSTOMIZE_MODULE);
  return binary;
}

/** A folder outside the workspace's own packages (they ask for Node 22; they run on 20 here). */
export async function schemaValidators(): Promise<string> {
  const home = join(infraHome, 'k8s-models');
  const stamp = join(home, '.packages');
  if (existsSync(stamp) && readFileSync(stamp, 'utf8') === SCHEMA_PACKAGES.join(' ')) return home;
  mkdirSync(home, { recursive: true });
  writeFileSync(join(home, 'package.json'), JSON.stringify({ name: 'k8s-schemas', private: true }));
  await run('npm', ['install', '--no-audit', '--no-fund', '--loglevel=error', ...SCHEMA_PACKAGES], {
    cwd: home,
    maxBuffer: 1 << 24,
  });
  writeFileSync(stamp, SCHEMA_PACKAGES.join(' '));
  return home;
}

export async function render(overlay: string): Promise<string> {
  const { stdout } = await run(await kustomize(), ['build', join(repoRoot, 'deploy/k8s/overlays', overlay)], {
    maxBuffer: 1 << 24,
  });
  return stdout;
}

export interface ValidationResult {
  readonly kind: string;
  readonly name: string;
  readonly errors: readonly string[];
}

export async function validate(manifests: readonly object[]): Promise<ValidationResult[]> {
  const home = await schemaValidators();
  const child = execFile(process.execPath, [join(__dirname, 'validate-manifests.mjs'), home], { maxBuffer: 1 << 24 });
  child.stdin?.end(JSON.stringify(manifests));
  let output = '';
  child.stdout?.on('data', (chunk) => (output += chunk));
  let errors = '';
  child.stderr?.on('data', (chunk) => (errors += chunk));
  const code = await new Promise((resolve) => child.once('close', resolve));
  if (code !== 0) throw new Error(`validate-manifests exited with ${code}: ${errors}`);
  return JSON.parse(output) as ValidationResult[];
}
