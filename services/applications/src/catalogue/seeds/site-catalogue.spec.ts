import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { siteCatalogue } from './site-catalogue';

describe('site catalogues', () => {
  it.each(['casablanca', 'rabat', 'tangier', 'agadir', 'essaouira'])(
    'bundles a valid starting catalogue for %s whose calls belong to its programs',
    (site) => {
      const catalogue = siteCatalogue(site);
      const programIds = catalogue?.programs.map((program) => program.id) ?? [];
      expect(programIds).toEqual(expect.arrayContaining(['pre-incubation', 'incubation']));
      expect(catalogue?.calls.every((call) => programIds.includes(call.programId))).toBe(true);
    },
  );

  it("offers Essaouira's 35 nomad coworking positions and Plug and Play acceleration where it runs", () => {
    expect(siteCatalogue('essaouira')?.calls.find((call) => call.programId === 'nomad-coworking')?.cohortCapacity).toBe(
      35,
    );
    expect(siteCatalogue('casablanca')?.programs.find((program) => program.kind === 'acceleration')?.partnerId).toBe(
      'plug-and-play',
    );
  });

  it('has no catalogue for a site it does not know (staff build it over the API)', () => {
    expect(siteCatalogue('oujda')).toBeUndefined();
  });

  it("stops on an operator's catalogue that would not pass the API's validation, naming the site", () => {
    const file = join(mkdtempSync(join(tmpdir(), 'seed-')), 'bad.json');
    writeFileSync(file, JSON.stringify({ programs: [{ id: 'x', name: 'X', kind: 'space-program' }], calls: [] }));
    expect(() => siteCatalogue('fes', file)).toThrow(/the catalogue seed of fes is invalid/);
  });
});
