import { join } from 'node:path';
import { type BrowserPage, loadBrowserPage } from '@technopark/platform';

/** The dashboard's page and its browser module, as the service serves them. */
export type DashboardAssets = BrowserPage;

/** The built dashboard next to main.js, or (from source) compiled from `browser/`. */
export function loadDashboardAssets(directory = __dirname): DashboardAssets {
  return loadBrowserPage({ name: 'dashboard', directory, sources: join(directory, 'browser') });
}
