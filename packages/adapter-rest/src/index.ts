export { errorFromResponse, retryAfterSeconds } from './http-error.ts';
export { RestAdapter, type RestAdapterOptions } from './rest-adapter.ts';
