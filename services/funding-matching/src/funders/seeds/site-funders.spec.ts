import { siteFunders } from './site-funders';

describe("the sites' starting funders", () => {
  it('gives each site the national funders that cover it, Plug and Play among Casablanca’s', () => {
    const ids = (site: string) => siteFunders(site).map((funder) => funder.funderId);
    expect(ids('casablanca')).toEqual(
      expect.arrayContaining(['plug-and-play-morocco', 'innov-idea-grant', 'casablanca-angels']),
    );
    expect(ids('agadir')).toContain('souss-green-seed');
    expect(ids('agadir')).not.toContain('plug-and-play-morocco');
    for (const site of ['casablanca', 'rabat', 'tangier', 'agadir', 'essaouira', 'fes'])
      expect(ids(site).length).toBeGreaterThanOrEqual(2);
    expect(ids('new-site')).toEqual([]);
  });
});
