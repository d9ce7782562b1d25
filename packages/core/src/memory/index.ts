export { MemoryAdapter, type MemoryAdapterOptions } from './memory-adapter.ts';
export { createMemoryAdapter } from './spec.ts';
export {
  DEMO_CAMPAIGN_ID,
  DEMO_ONE_TIME_CODE,
  DEMO_VOTING_CODES,
  demoFixture,
  type MemoryFixture,
} from './demo.ts';
