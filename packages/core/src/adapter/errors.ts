/** The failures every adapter reports, whatever its backend. */
export const ERROR_CODES = [
  'network',
  'timeout',
  'invalid-response',
  'unauthorized',
  'forbidden',
  'phase-closed',
  'rule-violation',
  'conflict',
  'rate-limited',
  'not-found',
  'invalid-input',
  'unavailable',
] as const;
export type VecheErrorCode = (typeof ERROR_CODES)[number];

/** The HTTP status the reference server answers with for each code. */
export const ERROR_STATUS: Readonly<Record<VecheErrorCode, number>> = {
  network: 502,
  timeout: 504,
  'invalid-response': 502,
  unauthorized: 401,
  forbidden: 403,
  'phase-closed': 409,
  'rule-violation': 422,
  conflict: 409,
  'rate-limited': 429,
  'not-found': 404,
  'invalid-input': 400,
  unavailable: 503,
};

/** Codes where trying the same call again later may succeed. */
const RETRYABLE: ReadonlySet<VecheErrorCode> = new Set(['network', 'timeout', 'rate-limited', 'unavailable']);

export interface VecheErrorOptions {
  details?: Record<string, unknown>;
  status?: number;
  /** Seconds to wait before trying again (rate limits, 503). */
  retryAfter?: number;
  cause?: unknown;
}

/** The body of every error response of the HTTP API. */
export interface ErrorBody {
  error: { code: VecheErrorCode; message: string; details?: Record<string, unknown> };
}

/** A failure of an adapter call, with a code an element can act on. */
export class VecheError extends Error {
  override readonly name = 'VecheError';
  readonly code: VecheErrorCode;
  readonly details: Record<string, unknown> | undefined;
  readonly status: number;
  readonly retryAfter: number | undefined;

  constructor(code: VecheErrorCode, message: string, options: VecheErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.details = options.details;
    this.status = options.status ?? ERROR_STATUS[code];
    this.retryAfter = options.retryAfter;
  }

  get retryable(): boolean {
    return RETRYABLE.has(this.code);
  }

  toJSON(): ErrorBody {
    return {
      error: { code: this.code, message: this.message, ...(this.details ? { details: this.details } : {}) },
    };
  }

  /** Any thrown value as a VecheError; an abort stays recognisable through `isAbort`. */
  static from(error: unknown): VecheError {
    if (error instanceof VecheError) return error;
    if (isAbort(error)) return new VecheError('timeout', 'The request was cancelled', { cause: error });
    const message = error instanceof Error ? error.message : String(error);
    return new VecheError('network', message || 'Unknown failure', { cause: error });
  }
}

export const isVecheError = (value: unknown): value is VecheError => value instanceof VecheError;

export const isErrorCode = (value: unknown): value is VecheErrorCode =>
  typeof value === 'string' && (ERROR_CODES as readonly string[]).includes(value);

/** True for the rejection of a call whose AbortSignal fired. */
export function isAbort(error: unknown): boolean {
  return (
    typeof error === 'object' &&
    error !== null &&
    'name' in error &&
    ((error as { name: unknown }).name === 'AbortError' || (error as { name: unknown }).name === 'TimeoutError')
  );
}

/** Throws the signal's reason when it has fired. */
export function throwIfAborted(signal: AbortSignal | undefined): void {
  signal?.throwIfAborted();
}
