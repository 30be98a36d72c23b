/** The dashboard's page. Scripts come from /dashboard/app.js: the service's CSP allows no inline script. */
export const DASHBOARD_HTML = `<!doctype html>
<html lang="fr">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>Technopark — KPIs</title>
  <style>
    body { font-family: system-ui, sans-serif; margin: 0; background: #f4f6f8; color: #1d2733; }
    header { display: flex; gap: 1rem; align-items: center; padding: 1rem 1.5rem; background: #0b4f6c; color: #fff; flex-wrap: wrap; }
    header h1 { font-size: 1.2rem; margin: 0 auto 0 0; }
    header label { font-size: .85rem; }
    main { padding: 1.5rem; display: grid; gap: 1.5rem; }
    .tiles { display: grid; grid-template-columns: repeat(auto-fill, minmax(11rem, 1fr)); gap: 1rem; }
    .tile { background: #fff; border-radius: .5rem; padding: 1rem; box-shadow: 0 1px 2px #0002; }
    .tile .value { font-size: 1.8rem; font-weight: 600; margin-top: .3rem; }
    .tile .label { font-size: .85rem; color: #52606d; }
    .charts { display: grid; grid-template-columns: repeat(auto-fit, minmax(26rem, 1fr)); gap: 1rem; }
    .chart { background: #fff; border-radius: .5rem; padding: 1rem; box-shadow: 0 1px 2px #0002; }
    .chart h2 { font-size: 1rem; margin: 0 0 .5rem; }
    #status { font-size: .8rem; }
    .legend { font-size: .8rem; color: #52606d; }
    .key { display: inline-block; width: .8rem; height: .2rem; margin: 0 .3rem .2rem .6rem; }
    .key.success { background: #0b4f6c; }
    .key.survival { background: #c5761d; }
    svg { display: block; width: 100%; }
    svg text { font-size: 12px; fill: #334; }
    svg text.value { font-weight: 600; }
    svg text.pending, svg text.empty, svg text.axis { fill: #7b8794; font-size: 11px; }
  </style>
</head>
<body>
  <header>
    <h1 data-i18n="title">Indicateurs Technopark</h1>
    <label id="site-picker" hidden><span data-i18n="site">Site</span>
      <select id="site"><option value="" data-i18n="network">Réseau national</option></select>
    </label>
    <label><span data-i18n="language">Langue</span>
      <select id="language"><option value="fr">Français</option><option value="en">English</option></select>
    </label>
    <span id="status" data-state="connecting"></span>
  </header>
  <main>
    <section class="tiles" aria-label="kpis">
      <div class="tile"><div class="label" data-i18n="residents">Résidents</div><div class="value" id="tile-residents" data-kpi="residents">–</div></div>
      <div class="tile"><div class="label" data-i18n="occupancy">Postes occupés</div><div class="value" id="tile-occupancy" data-kpi="occupancy">–</div></div>
      <div class="tile"><div class="label" data-i18n="waitlist">Liste d'attente</div><div class="value" id="tile-waitlist" data-kpi="waitlist">–</div></div>
      <div class="tile"><div class="label" data-i18n="submitted">Candidatures</div><div class="value" id="tile-submitted" data-kpi="submitted">–</div></div>
      <div class="tile"><div class="label" data-i18n="acceptance">Taux d'acceptation</div><div class="value" id="tile-acceptance" data-kpi="acceptance">–</div></div>
      <div class="tile"><div class="label" data-i18n="turnover">Rotation annuelle</div><div class="value" id="tile-turnover" data-kpi="turnover">–</div></div>
      <div class="tile"><div class="label" data-i18n="jobs">Emplois</div><div class="value" id="tile-jobs" data-kpi="jobs">–</div></div>
      <div class="tile"><div class="label" data-i18n="revenue">Chiffre d'affaires (MAD)</div><div class="value" id="tile-revenue" data-kpi="revenue">–</div></div>
    </section>
    <section class="charts">
      <div class="chart"><h2 data-i18n="funnel">Entonnoir des candidatures</h2><svg id="chart-funnel" role="img"></svg></div>
      <div class="chart"><h2 data-i18n="occupancyChart">Occupation</h2><svg id="chart-occupancy" role="img"></svg></div>
      <div class="chart"><h2 data-i18n="cohorts">Cohortes : succès à 18 mois et survie à 5 ans</h2><svg id="chart-cohorts" role="img"></svg>
        <div class="legend"><span class="key success"></span><span data-i18n="success">Succès à 18 mois</span> <span class="key survival"></span><span data-i18n="survival">Survie à 5 ans</span></div></div>
      <div class="chart"><h2 data-i18n="jobsChart">Emplois par site</h2><svg id="chart-jobs" role="img"></svg></div>
    </section>
  </main>
  <script src="/dashboard/app.js"></script>
</body>
</html>
`;
