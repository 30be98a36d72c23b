/**
 * The dashboard's script, plain browser JavaScript. It reads the KPI stream with fetch (an
 * EventSource cannot send the bearer token), redraws on every message, and reconnects with
 * Last-Event-ID. The token comes from `?token=` once, then from this browser's session storage.
 */
export const DASHBOARD_SCRIPT = String.raw`(() => {
  const TEXT = {
    fr: { title: 'Indicateurs Technopark', language: 'Langue', residents: 'Résidents', occupancy: 'Postes occupés', waitlist: "Liste d'attente", submitted: 'Candidatures',
      acceptance: "Taux d'acceptation", turnover: 'Rotation annuelle', jobs: 'Emplois', revenue: "Chiffre d'affaires (MAD)", funnel: 'Entonnoir des candidatures',
      occupancyChart: 'Occupation', cohorts: 'Cohortes : succès à 18 mois', live: 'En direct', connecting: 'Connexion…', offline: 'Hors ligne, reconnexion…', noToken: 'Jeton manquant : ouvrez /dashboard?token=…',
      stages: { submitted: 'Soumises', 'in-review': 'En revue', accepted: 'Acceptées', rejected: 'Refusées', waitlisted: "En attente", withdrawn: 'Retirées' }, offices: 'Bureaux', positions: 'Postes coworking' },
    en: { title: 'Technopark KPIs', language: 'Language', residents: 'Residents', occupancy: 'Positions used', waitlist: 'Waitlist', submitted: 'Applications',
      acceptance: 'Acceptance rate', turnover: 'Annual turnover', jobs: 'Jobs', revenue: 'Revenue (MAD)', funnel: 'Application funnel',
      occupancyChart: 'Occupancy', cohorts: 'Cohorts: success at 18 months', live: 'Live', connecting: 'Connecting…', offline: 'Offline, reconnecting…', noToken: 'No token: open /dashboard?token=…',
      stages: { submitted: 'Submitted', 'in-review': 'In review', accepted: 'Accepted', rejected: 'Rejected', waitlisted: 'Waitlisted', withdrawn: 'Withdrawn' }, offices: 'Offices', positions: 'Coworking positions' },
  };
  const params = new URLSearchParams(location.search);
  if (params.get('token')) sessionStorage.setItem('technopark-token', params.get('token'));
  const token = sessionStorage.getItem('technopark-token');
  let language = params.get('lang') === 'en' || localStorage.getItem('technopark-lang') === 'en' ? 'en' : 'fr';
  let latest = null;
  let lastEventId = null;
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

  function curve(svg, cohorts) {
    const measured = cohorts.filter((cohort) => cohort.successRate !== null);
    if (measured.length === 0) { svg.innerHTML = '<text x="0" y="20">–</text>'; return; }
    const points = measured.map((cohort, index) => [20 + (index * 300) / Math.max(1, measured.length - 1), 150 - cohort.successRate * 130]);
    svg.innerHTML = '<polyline fill="none" stroke="#0b4f6c" stroke-width="2" points="' + points.map((point) => point.join(',')).join(' ') + '"></polyline>' +
      measured.map((cohort, index) => '<circle cx="' + points[index][0] + '" cy="' + points[index][1] + '" r="3"></circle><text x="' + points[index][0] + '" y="172">' + cohort.cohort + ' (' + cohort.size + ')</text>').join('');
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
  }

  async function listen() {
    if (!token) { status('noToken'); return; }
    status('connecting');
    try {
      const headers = { authorization: 'Bearer ' + token, accept: 'text/event-stream' };
      if (lastEventId) headers['last-event-id'] = lastEventId;
      const response = await fetch('/v1/kpis/stream', { headers });
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
          if (fields.data) { latest = JSON.parse(fields.data); draw(latest); }
        }
      }
    } catch (error) {
      console.warn('KPI stream interrupted', error);
    }
    status('offline');
    setTimeout(listen, 3000);
  }

  $('language').addEventListener('change', (event) => {
    language = event.target.value;
    localStorage.setItem('technopark-lang', language);
    translate();
  });
  translate();
  listen();
})();
`;
