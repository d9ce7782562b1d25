// The cross-package suites use the same small test values as the core's own tests.
export { PNG_1X1, failure, memoryStorage } from '../../../packages/core/test/helpers.ts';
