/**
 * Jobs are the sum of the differences newer reports make to a startup's latest headcount, each
 * counted in the quarter of the report that made it (`economy.jobs`): the sum up to a quarter is the
 * jobs as of then, and no document collects every report of the site's history.
 */
export const JOBS_KPI = 'economy.jobs';
