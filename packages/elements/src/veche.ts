/**
 * The one-file embed bundle: defines every Veche element and exposes the adapter resolver.
 * Elements land here as they are built (issue 4 onwards).
 */
export { VecheElement } from './base/veche-element.ts';
export { pageApi, resolveAdapter } from './config/resolve-adapter.ts';
export { formatMoney, formatCount, formatShare } from '@veche/core';
export const version = '0.1.0';
