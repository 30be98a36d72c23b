import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

/** A page a service serves, and its browser module. */
export interface BrowserPage {
  readonly html: string;
  readonly script: string;
}

export interface BrowserPageLocation {
  /** `<name>.html` and `<name>-app.ts`, as the service's webpack `browser` entry names them. */
  readonly name: string;
  /** Where the service runs from: its build's main.js folder, or the source folder of the caller. */
  readonly directory: string;
  /** The page's source folder, used when there is no build. */
  readonly sources: string;
}

/**
 * The built page when the service runs from its build (`assets/<name>/` next to main.js, see
 * tools/webpack/service-webpack.config.js). From source (tests, `nx serve` without a build), the
 * browser module is compiled as the build would, with TypeScript, which only a development checkout
 * has: it is loaded here, never bundled.
 */
export function loadBrowserPage(location: BrowserPageLocation): BrowserPage {
  const key = `${location.directory}|${location.name}`;
  const known = loaded.get(key) ?? readPage(location);
  loaded.set(key, known);
  return known;
}

/** Read (and compiled) once per process: every instance a test boots serves the same files. */
const loaded = new Map<string, BrowserPage>();

function readPage({ name, directory, sources }: BrowserPageLocation): BrowserPage {
  const built = join(directory, 'assets', name);
  if (existsSync(join(built, `${name}-app.js`))) {
    return {
      html: readFileSync(join(built, `${name}.html`), 'utf8'),
      script: readFileSync(join(built, `${name}-app.js`), 'utf8'),
    };
  }
  const typescript = createRequire(__filename)('typescript') as typeof import('typescript');
  const source = readFileSync(join(sources, `${name}-app.ts`), 'utf8');
  const { outputText } = typescript.transpileModule(source, {
    compilerOptions: { target: typescript.ScriptTarget.ES2022, module: typescript.ModuleKind.ES2022 },
  });
  return { html: readFileSync(join(sources, `${name}.html`), 'utf8'), script: outputText };
}
