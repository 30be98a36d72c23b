// The local infrastructure (Kafka, FerretDB) for benchmarks and tools: import from '@technopark/infra'.
export { down, up, type Endpoints } from './infrastructure';
