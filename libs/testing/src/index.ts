export { eventually } from './lib/eventually';
export { infrastructureEnv, UNREACHABLE, uniqueSiteId } from './lib/infrastructure-env';
