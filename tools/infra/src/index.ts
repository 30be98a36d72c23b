// The local infrastructure for benchmarks, tools and the site-cells suite: import from '@technopark/infra'.
export {
  cellServers,
  down,
  ensureAll,
  logs,
  replicationServer,
  up,
  type Endpoints,
  type Server,
} from './infrastructure';
export { cellFromVariables, type CellFile } from './cells/cell-file';
export { brokersOf, hqCell, mongoUrlOf, platformCells, siteCells, type InfraCell } from './cells/cells';
export { cellServiceEnvironment, servicesOf, type CellService } from './cells/cell-services';
export { platformServers } from './cells/platform-servers';
export { ScratchCells } from './cells/scratch-cells';
export { processCpuSeconds, processRss } from './process-rss';
export { SERVICE_NODE_FLAGS, serviceNodeArguments } from './service-node-flags';
export { mirrorMakerProperties } from './mirror-maker';
