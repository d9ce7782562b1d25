import { VecheError, type VecheErrorCode } from '@veche/core';

const BY_STATUS: Record<number, VecheErrorCode> = {
  400: 'invalid-input',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not-found',
  405: 'invalid-input',
  406: 'invalid-input',
  409: 'conflict',
  413: 'invalid-input',
  415: 'invalid-input',
  422: 'rule-violation',
  429: 'rate-limited',
  503: 'unavailable',
};

const MESSAGES: Record<string, string> = {
  FST_ERR_CTP_BODY_TOO_LARGE: 'The request body is too large',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'Send JSON (Content-Type: application/json)',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'The JSON body is empty',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'The Content-Length does not match the body',
  FST_REQ_FILE_TOO_LARGE: 'The file is too large',
  FST_FILES_LIMIT: 'Send one file',
  FST_PARTS_LIMIT: 'Too many parts',
  FST_INVALID_MULTIPART_CONTENT_TYPE: 'Send the photo as multipart/form-data',
};

// Failures that mean the database cannot be reached or used right now (PostgreSQL down, restarting or
// unreachable; SQLite locked by another process, its disk full or failing), not a fault of the request.
const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN']);
// SQLSTATE: admin/crash shutdown, cannot connect now, too many connections; class 08 is every connection exception.
const PG_STATES = new Set(['57P01', '57P02', '57P03', '53300']);
const PG_MESSAGES = /^(Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error|Client was closed and is not queryable|Query read timeout)/;
const SQLITE_CODES = /^SQLITE_(BUSY|LOCKED|CANTOPEN|FULL|IOERR|READONLY|NOTADB)/;

/** Whether `error` (or what caused it) says the database is unavailable, rather than the request wrong. */
export function databaseUnavailable(error: unknown): boolean {
  for (let e = error, depth = 0; typeof e === 'object' && e !== null && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    const { code, message, severity } = e as { code?: unknown; message?: unknown; severity?: unknown };
    // PostgreSQL ends the session with FATAL: refused at connect (not accepting connections, too many, bad login) or terminated.
    if (severity === 'FATAL' || severity === 'PANIC') return true;
    if (typeof code === 'string' && (NETWORK_CODES.has(code) || PG_STATES.has(code) || /^08[0-9A-Z]{3}$/.test(code) || SQLITE_CODES.test(code))) return true;
    if (typeof message === 'string' && PG_MESSAGES.test(message)) return true;
  }
  return false;
}

/** Seconds a client is asked to wait when the database is unavailable. */
export const UNAVAILABLE_RETRY_AFTER = 5;

/** Any error as the API's error body: a VecheError keeps its code; a framework 4xx gets one from its status. */
export function asVecheError(error: unknown): { error: VecheError; internal: boolean } {
  if (error instanceof VecheError) return { error, internal: false };
  // PostgreSQL cannot store U+0000 (or bytes that are not UTF-8) in text: the request's fault, not a 500.
  const sqlState = (error as { code?: unknown }).code;
  if (sqlState === '22021' || sqlState === '22P05') {
    return { error: new VecheError('invalid-input', 'Invalid input: text must not contain the character U+0000'), internal: false };
  }
  if (databaseUnavailable(error)) {
    return {
      error: new VecheError('unavailable', 'The server cannot reach its database at the moment; try again in a few seconds', { retryAfter: UNAVAILABLE_RETRY_AFTER }),
      internal: true,
    };
  }
  const e = error as { statusCode?: unknown; code?: unknown; message?: unknown };
  const status = e.code === 'FST_INVALID_MULTIPART_CONTENT_TYPE' ? 415 : typeof e.statusCode === 'number' ? e.statusCode : 500;
  if (status >= 400 && status < 500) {
    const code = BY_STATUS[status] ?? 'invalid-input';
    const known = typeof e.code === 'string' ? MESSAGES[e.code] : undefined;
    const message = known ?? (status === 400 && error instanceof SyntaxError ? 'The body is not valid JSON' : String(e.message ?? 'Bad request'));
    return { error: new VecheError(code, message, { status }), internal: false };
  }
  return { error: new VecheError('unavailable', 'The server failed to answer; try again later', { status: 500 }), internal: true };
}
