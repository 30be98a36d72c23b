/**
 * The dashboard's script, plain browser JavaScript. It reads the KPI stream with fetch (an
 * EventSource cannot send the bearer token), redraws on every message, and reconnects with
 * Last-Event-ID. The token comes from the fragment `#token=` once (a fragment never reaches a server
 * or its logs), then from this browser's session storage; the fragment is then cleared.
 * On a national instance (several sites) a selector switches between the network and one site's stream.
 */
export const DASHBOARD_SCRIPT = String.raw`(() => {
  const TEXT = {
    fr: { title: 'Indicateurs Technopark', language: 'Langue', residents: 'Résidents', occupancy: 'Postes occupés', waitlist: "Liste d'attente", submitted: 'Candidatures',
      acceptance: "Taux d'acceptation", turnover: 'Rotation annuelle', jobs: 'Emplois', revenue: "Chiffre d'affaires (MAD)", funnel: 'Entonnoir des candidatures',
      occupancyChart: 'Occupation', cohorts: 'Cohortes : succès à 18 mois et survie à 5 ans', success: 'Succès à 18 mois', survival: 'Survie à 5 ans',
      jobsChart: 'Emplois par site', site: 'Site', network: 'Réseau national', live: 'En direct', connecting: 'Connexion…', offline: 'Hors ligne, reconnexion…', noToken: 'Jeton manquant : ouvrez /dashboard#token=…',
      stages: { submitted: 'Soumises', 'in-review': 'En revue', accepted: 'Acceptées', rejected: 'Refusées', waitlisted: "En attente", withdrawn: 'Retirées' }, offices: 'Bureaux', positions: 'Postes coworking' },
    en: { title: 'Technopark KPIs', language: 'Language', residents: 'Residents', occupancy: 'Positions used', waitlist: 'Waitlist', submitted: 'Applications',
      acceptance: 'Acceptance rate', turnover: 'Annual turnover', jobs: 'Jobs', revenue: 'Revenue (MAD)', funnel: 'Application funnel',
      occupancyChart: 'Occupancy', cohorts: 'Cohorts: success at 18 months and survival at 5 years', success: 'Success at 18 months', survival: 'Survival at 5 years',
      jobsChart: 'Jobs by site', site: 'Site', network: 'National network', live: 'Live', connecting: 'Connecting…', offline: 'Offline, reconnecting…', noToken: 'No token: open /dashboard#token=…',
      stages: { submitted: 'Submitted', 'in-review': 'In review', accepted: 'Accepted', rejected: 'Rejected', waitlisted: 'Waitlisted', withdrawn: 'Withdrawn' }, offices: 'Offices', positions: 'Coworking positions' },
  };
  const params = new URLSearchParams(location.search);
  const fragment = new URLSearchParams(location.hash.slice(1));
  if (fragment.get('token')) {
    sessionStorage.setItem('technopark-token', fragment.get('token'));
    history.replaceState(null, '', location.pathname + location.search);
  }
  const token = sessionStorage.getItem('technopark-token');
  let language = params.get('lang') === 'en' || localStorage.getItem('technopark-lang') === 'en' ? 'en' : 'fr';
  let latest = null;
  let lastEventId = null;
  let site = params.get('site') || '';
  let connection = null;
  const $ = (id) => document.getElementById(id);
  const percent = (rate) => (rate === null || rate === undefined ? '–' : Math.round(rate * 1000) / 10 + ' %');
  const number = (value) => new Intl.NumberFormat(language === 'fr' ? 'fr-MA' : 'en-GB').format(value);

  function status(key) {
    $('status').textContent = TEXT[language][key];
    $('status').dataset.state = key;
  }

  function translate() {
    document.documentElement.lang = language;
    $('language').value = language;
    for (const element of document.querySelectorAll('[data-i18n]')) element.textContent = TEXT[language][element.dataset.i18n];
    if (latest) draw(latest);
  }

  function bars(svg, rows) {
    const max = Math.max(1, ...rows.map((row) => row.value));
    svg.innerHTML = rows.map((row, index) => {
      const width = Math.round((row.value / max) * 60);
      return '<text x="0" y="' + (index * 26 + 16) + '">' + row.label + '</text>' +
        '<rect x="38%" y="' + (index * 26 + 4) + '" width="' + width + '%" height="16" fill="#1d7ea6"></rect>' +
        '<text x="' + (40 + width) + '%" y="' + (index * 26 + 16) + '">' + row.text + '</text>';
    }).join('');
  }

  // One line per rate over the cohorts that reached the 18-month mark; the label gives each cohort's size.
  function curve(svg, cohorts) {
    const measured = cohorts.filter((cohort) => cohort.successRate !== null);
    if (measured.length === 0) { svg.innerHTML = '<text x="0" y="20">–</text>'; return; }
    const x = (index) => 20 + (index * 300) / Math.max(1, measured.length - 1);
    const y = (rate) => 150 - rate * 130;
    const line = (rate, colour, name) => {
      const points = measured.map((cohort, index) => [x(index), cohort[rate]]).filter((point) => point[1] !== null).map((point) => [point[0], y(point[1])]);
      return '<polyline class="' + name + '" fill="none" stroke="' + colour + '" stroke-width="2" points="' + points.map((point) => point.join(',')).join(' ') + '"></polyline>' +
        points.map((point) => '<circle class="' + name + '" cx="' + point[0] + '" cy="' + point[1] + '" r="3" fill="' + colour + '"></circle>').join('');
    };
    svg.innerHTML = line('successRate', '#0b4f6c', 'success') + line('survivalRate', '#c5761d', 'survival') +
      measured.map((cohort, index) => '<text x="' + x(index) + '" y="180">' + cohort.cohort + ' (' + cohort.size + ')</text>').join('');
  }

  function draw(kpis) {
    const occupancy = kpis.occupancy.reduce((sum, site) => ({
      used: sum.used + site.coworkingPositions.used, total: sum.total + site.coworkingPositions.total,
      officesUsed: sum.officesUsed + site.offices.used, offices: sum.offices + site.offices.total, waitlist: sum.waitlist + site.waitlist,
    }), { used: 0, total: 0, officesUsed: 0, offices: 0, waitlist: 0 });
    $('tile-residents').textContent = number(kpis.residents.residentsNow);
    $('tile-occupancy').textContent = occupancy.total ? occupancy.used + ' / ' + occupancy.total : '–';
    $('tile-waitlist').textContent = number(occupancy.waitlist);
    $('tile-submitted').textContent = number(kpis.funnel.counts.submitted);
    $('tile-acceptance').textContent = percent(kpis.funnel.acceptanceRate);
    $('tile-turnover').textContent = percent(kpis.residents.annualTurnoverRate);
    $('tile-jobs').textContent = number(kpis.economy.jobs);
    $('tile-revenue').textContent = number(kpis.economy.revenueMad);
    const stages = TEXT[language].stages;
    bars($('chart-funnel'), Object.entries(kpis.funnel.counts).map(([stage, value]) => ({ label: stages[stage] || stage, value, text: number(value) })));
    bars($('chart-occupancy'), [
      { label: TEXT[language].offices, value: occupancy.officesUsed, text: occupancy.officesUsed + ' / ' + occupancy.offices },
      { label: TEXT[language].positions, value: occupancy.used, text: occupancy.used + ' / ' + occupancy.total },
    ]);
    curve($('chart-cohorts'), kpis.cohorts);
    bars($('chart-jobs'), kpis.economy.jobsBySite.map((row) => ({ label: row.site, value: row.jobs, text: number(row.jobs) })));
  }

  // A national instance reads several sites: offer the network and each site, adding sites as their first events arrive.
  let national = null;
  async function offerSites() {
    if (national === false) return;
    const response = await fetch('/v1/sites', { headers: { authorization: 'Bearer ' + token } }).catch(() => null);
    if (!response || !response.ok) return;
    const { scope, sites } = await response.json();
    national = scope === 'national';
    if (!national) return;
    const offered = new Set([...$('site').options].map((option) => option.value));
    for (const id of sites.filter((id) => !offered.has(id))) {
      const option = document.createElement('option');
      option.value = id;
      option.textContent = id;
      $('site').append(option);
    }
    $('site').value = site;
    $('site-picker').hidden = false;
  }

  async function listen() {
    if (!token) { status('noToken'); return; }
    status('connecting');
    try {
      const headers = { authorization: 'Bearer ' + token, accept: 'text/event-stream' };
      if (lastEventId) headers['last-event-id'] = lastEventId;
      connection = new AbortController();
      const response = await fetch(site ? '/v1/sites/' + encodeURIComponent(site) + '/kpis/stream' : '/v1/kpis/stream', { headers, signal: connection.signal });
      if (!response.ok) throw new Error('HTTP ' + response.status);
      status('live');
      const reader = response.body.getReader();
      const decoder = new TextDecoder();
      let buffer = '';
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        buffer += decoder.decode(value, { stream: true });
        let end;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const fields = {};
          for (const line of block.split('\n')) fields[line.slice(0, line.indexOf(':'))] = line.slice(line.indexOf(':') + 1).trim();
          if (fields.id) lastEventId = fields.id;
          if (fields.data) { latest = JSON.parse(fields.data); draw(latest); offerSites(); }
        }
      }
    } catch (error) {
      if (error.name === 'AbortError') return; // switched to another site: a new stream is already opening
      console.warn('KPI stream interrupted', error);
    }
    status('offline');
    setTimeout(listen, 3000);
  }

  $('site').addEventListener('change', (event) => {
    site = event.target.value;
    lastEventId = null;
    if (connection) connection.abort();
    listen();
  });

  $('language').addEventListener('change', (event) => {
    language = event.target.value;
    localStorage.setItem('technopark-lang', language);
    translate();
  });
  translate();
  listen();
})();
`;
