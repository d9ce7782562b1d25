export { MemoryAdapter, type MemoryAdapterOptions } from './memory-adapter.ts';
export { createMemoryAdapter } from './spec.ts';
export {
  DEMO_CAMPAIGN_ID,
  DEMO_ONE_TIME_CODE,
  DEMO_VOTING_CODES,
  demoFixture,
  type MemoryFixture,
} from './demo.ts';
export { MemoryDiscussion, type CommentSeed, type DiscussionFixture, type DiscussionState } from './discussion.ts';
export { DEMO_CLOSED_POLL_ID, DEMO_POLL_ID, DEMO_PROJECT_POLL_ID } from './discussion-demo.ts';
