export { ConfigError, loadConfig, type ServerConfig } from './config.ts';
export { createServer, type ServerOptions, type VecheServer } from './app.ts';
export { openDatabase, type Database, type Engine, type OpenOptions } from './db/open.ts';
export { DiskImageStore, MemoryImageStore, type ImageStore } from './uploads.ts';
export { createContext, logSender, type CodeSender, type Ctx, type Session } from './service/context.ts';
export { sessionFor } from './service/auth.ts';
export {
  importPabulib,
  issueCodes,
  listIdeas,
  moderate,
  movePhase,
  putCampaign,
  putHostKey,
  putProject,
  seedFixture,
  setMilestones,
} from './service/admin.ts';
export { exportCsv, exportPabulib, getResults } from './service/results.ts';
export { originAllowed } from './http/origins.ts';
export { checkoutMounts } from './static.ts';
