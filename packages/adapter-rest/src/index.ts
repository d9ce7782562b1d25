export { errorFromResponse, retryAfterSeconds } from './http-error.ts';
