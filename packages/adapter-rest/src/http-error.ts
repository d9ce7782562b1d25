import { VecheError, isErrorCode } from '@veche/core';

/** Reads `Retry-After` (seconds or an HTTP date) as whole seconds. */
export function retryAfterSeconds(value: string | null, now: number = Date.now()): number | undefined {
  if (value === null || value.trim() === '') return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds) && seconds >= 0) return Math.ceil(seconds);
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, Math.ceil((date - now) / 1000));
}

const CODE_BY_STATUS: Record<number, VecheError['code']> = {
  400: 'invalid-input',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not-found',
  409: 'conflict',
  413: 'invalid-input',
  415: 'invalid-input',
  422: 'rule-violation',
  429: 'rate-limited',
  502: 'unavailable',
  503: 'unavailable',
  504: 'timeout',
};

/**
 * The VecheError for a failed HTTP response: the body's `{"error": {code, message, details}}` when it
 * has one, otherwise a code from the status. A body that lies about its code is not trusted.
 */
export function errorFromResponse(status: number, body: unknown, retryAfter: string | null = null): VecheError {
  const seconds = retryAfterSeconds(retryAfter);
  const fromStatus = CODE_BY_STATUS[status] ?? (status >= 500 ? 'unavailable' : 'invalid-input');
  const error = typeof body === 'object' && body !== null ? (body as { error?: unknown }).error : undefined;
  if (typeof error === 'object' && error !== null) {
    const { code, message, details } = error as { code?: unknown; message?: unknown; details?: unknown };
    if (isErrorCode(code) && typeof message === 'string') {
      return new VecheError(code, message, {
        status,
        ...(typeof details === 'object' && details !== null ? { details: details as Record<string, unknown> } : {}),
        ...(seconds !== undefined ? { retryAfter: seconds } : {}),
      });
    }
  }
  return new VecheError(fromStatus, `The server answered ${status}`, {
    status,
    ...(seconds !== undefined ? { retryAfter: seconds } : {}),
  });
}
