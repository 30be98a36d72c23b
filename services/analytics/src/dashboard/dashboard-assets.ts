import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

/** The dashboard's page and its browser module, as the service serves them. */
export interface DashboardAssets {
  readonly html: string;
  readonly script: string;
}

/**
 * The built assets when the service runs from its build. From source (tests, `nx serve` without a
 * build), the browser module is compiled as the build would, with TypeScript, which only a
 * development checkout has: it is loaded here, never bundled.
 */
export function loadDashboardAssets(directory = __dirname): DashboardAssets {
  const known = loaded.get(directory) ?? readAssets(directory);
  loaded.set(directory, known);
  return known;
}

/** Read (and compiled) once per process: every instance a test boots serves the same files. */
const loaded = new Map<string, DashboardAssets>();

function readAssets(directory: string): DashboardAssets {
  // Where the service's build puts them, next to its main.js (see tools/webpack/service-webpack.config.js).
  const built = join(directory, 'assets', 'dashboard');
  const sources = join(directory, 'browser');
  if (existsSync(join(built, 'dashboard-app.js'))) {
    return {
      html: readFileSync(join(built, 'dashboard.html'), 'utf8'),
      script: readFileSync(join(built, 'dashboard-app.js'), 'utf8'),
    };
  }
  const typescript = createRequire(__filename)('typescript') as typeof import('typescript');
  const source = readFileSync(join(sources, 'dashboard-app.ts'), 'utf8');
  const { outputText } = typescript.transpileModule(source, {
    compilerOptions: { target: typescript.ScriptTarget.ES2022, module: typescript.ModuleKind.ES2022 },
  });
  return { html: readFileSync(join(sources, 'dashboard.html'), 'utf8'), script: outputText };
}
