export { type DossierRecord, type Wait, type WaitKind, evolveRecord, dossierRecordFrom } from './dossier-record';
export { type Resolution, type OpenStatus, classifyResult, classifyResolution, openStatusAt } from './classification';
export { type Bucket, BUCKETS, TERMINAL_BUCKETS, isTerminal, bucketAt, statusOf } from './bucket';
export {
  type Figures,
  type Period,
  type Reconciliation,
  emptyFigures,
  addFigures,
  computeFigures,
  computeFiguresBy,
} from './figures';
