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
      noCohort: 'Aucune cohorte encore', nothingYet: 'Rien de déclaré pour l’instant', notYet: 'Taux mesurés à 18 mois et à 5 ans', cohortSize: (size) => size + (size > 1 ? ' startups' : ' startup'),
      stages: { submitted: 'Soumises', 'in-review': 'En revue', accepted: 'Acceptées', rejected: 'Refusées', waitlisted: "En attente", withdrawn: 'Retirées' }, offices: 'Bureaux', positions: 'Postes coworking' },
    en: { title: 'Technopark KPIs', language: 'Language', residents: 'Residents', occupancy: 'Positions used', waitlist: 'Waitlist', submitted: 'Applications',
      acceptance: 'Acceptance rate', turnover: 'Annual turnover', jobs: 'Jobs', revenue: 'Revenue (MAD)', funnel: 'Application funnel',
      occupancyChart: 'Occupancy', cohorts: 'Cohorts: success at 18 months and survival at 5 years', success: 'Success at 18 months', survival: 'Survival at 5 years',
      jobsChart: 'Jobs by site', site: 'Site', network: 'National network', live: 'Live', connecting: 'Connecting…', offline: 'Offline, reconnecting…', noToken: 'No token: open /dashboard#token=…',
      noCohort: 'No cohort yet', nothingYet: 'Nothing reported yet', notYet: 'Rates are measured at 18 months and 5 years', cohortSize: (size) => size + (size === 1 ? ' startup' : ' startups'),
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

  const escape = (text) => String(text).replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]);

  // Horizontal bars in a 400-wide drawing: label column, bar track, and the value right-aligned in a
  // column of its own, so a full bar never hides its number. Each bar is scaled to its own whole
  // (capacity, total), never to the largest bar.
  function bars(svg, rows) {
    const rowHeight = 28;
    if (rows.length === 0) {
      svg.setAttribute('viewBox', '0 0 400 40');
      svg.innerHTML = '<text class="empty" x="200" y="24" text-anchor="middle">' + TEXT[language].nothingYet + '</text>';
      return;
    }
    svg.setAttribute('viewBox', '0 0 400 ' + Math.max(rowHeight, rows.length * rowHeight));
    svg.innerHTML = rows.map((row, index) => {
      const y = index * rowHeight;
      const share = row.of > 0 ? Math.min(1, row.value / row.of) : 0;
      return '<g class="bar" data-value="' + row.value + '" data-of="' + row.of + '">' +
        '<text class="label" x="0" y="' + (y + 17) + '">' + escape(row.label) + '</text>' +
        '<rect class="track" x="130" y="' + (y + 5) + '" width="190" height="16" fill="#e3e8ee"></rect>' +
        '<rect class="fill" x="130" y="' + (y + 5) + '" width="' + (Math.round(share * 1900) / 10) + '" height="16" fill="#1d7ea6"></rect>' +
        '<text class="value" x="398" y="' + (y + 17) + '" text-anchor="end">' + escape(row.text) + '</text></g>';
    }).join('');
  }

  // Every cohort by start month, with its size; the 18-month success and 5-year survival rates are
  // drawn for the cohorts that reached each mark, and the others say when they will.
  function curve(svg, cohorts) {
    svg.setAttribute('viewBox', '0 0 400 200');
    if (cohorts.length === 0) { svg.innerHTML = '<text class="empty" x="200" y="100" text-anchor="middle">' + TEXT[language].noCohort + '</text>'; return; }
    const shown = cohorts.slice(-12);
    const x = (index) => (shown.length === 1 ? 200 : 30 + (index * 340) / (shown.length - 1));
    const y = (rate) => 140 - rate * 120;
    const line = (rate, colour, name) => {
      const points = shown.map((cohort, index) => [x(index), cohort[rate]]).filter((point) => point[1] !== null).map((point) => [point[0], y(point[1])]);
      return '<polyline class="' + name + '" fill="none" stroke="' + colour + '" stroke-width="2" points="' + points.map((point) => point.join(',')).join(' ') + '"></polyline>' +
        points.map((point) => '<circle class="' + name + '" cx="' + point[0] + '" cy="' + point[1] + '" r="4" fill="' + colour + '"></circle>').join('');
    };
    const grid = [0, 0.5, 1].map((rate) => '<line x1="20" x2="390" y1="' + y(rate) + '" y2="' + y(rate) + '" stroke="#e3e8ee"></line><text class="axis" x="0" y="' + (y(rate) + 4) + '">' + rate * 100 + '%</text>').join('');
    const labels = shown.map((cohort, index) => '<text class="cohort" x="' + x(index) + '" y="165" text-anchor="middle">' + escape(cohort.cohort) + '</text>' +
      '<text class="size" x="' + x(index) + '" y="180" text-anchor="middle">' + TEXT[language].cohortSize(cohort.size) + '</text>').join('');
    const pending = shown.every((cohort) => cohort.successRate === null) ? '<text class="pending" x="200" y="196" text-anchor="middle">' + TEXT[language].notYet + '</text>' : '';
    svg.innerHTML = grid + line('successRate', '#0b4f6c', 'success') + line('survivalRate', '#c5761d', 'survival') + labels + pending;
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
    // Each stage as a share of the applications that entered the funnel.
    const entered = Math.max(...Object.values(kpis.funnel.counts));
    bars($('chart-funnel'), Object.entries(kpis.funnel.counts).map(([stage, value]) => ({ label: stages[stage] || stage, value, of: entered, text: number(value) })));
    bars($('chart-occupancy'), [
      { label: TEXT[language].offices, value: occupancy.officesUsed, of: occupancy.offices, text: number(occupancy.officesUsed) + ' / ' + number(occupancy.offices) },
      { label: TEXT[language].positions, value: occupancy.used, of: occupancy.total, text: number(occupancy.used) + ' / ' + number(occupancy.total) },
    ]);
    curve($('chart-cohorts'), kpis.cohorts);
    const jobs = kpis.economy.jobsBySite.reduce((sum, row) => sum + row.jobs, 0);
    bars($('chart-jobs'), kpis.economy.jobsBySite.map((row) => ({ label: row.site, value: row.jobs, of: jobs, text: number(row.jobs) })));
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
