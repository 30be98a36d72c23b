import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadDashboardAssets } from './dashboard-assets';

describe('the dashboard assets', () => {
  it('serves what the build put next to main.js', () => {
    const bundle = mkdtempSync(join(tmpdir(), 'analytics-build-'));
    try {
      mkdirSync(join(bundle, 'assets', 'dashboard'), { recursive: true });
      writeFileSync(join(bundle, 'assets', 'dashboard', 'dashboard.html'), '<!doctype html><title>built</title>');
      writeFileSync(join(bundle, 'assets', 'dashboard', 'dashboard-app.js'), 'console.log("built");');
      expect(loadDashboardAssets(bundle)).toEqual({
        html: '<!doctype html><title>built</title>',
        script: 'console.log("built");',
      });
    } finally {
      rmSync(bundle, { recursive: true, force: true });
    }
  });

  it('compiles the browser module from source when there is no build: JavaScript, no types left', () => {
    const { html, script } = loadDashboardAssets(__dirname);
    expect(html).toContain('<script type="module" src="/dashboard/app.js"></script>');
    expect(script).toContain('function draw(kpis)');
    expect(script).not.toMatch(/interface Kpis|: SVGSVGElement/);
  });
});
