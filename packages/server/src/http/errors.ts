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

/** Any error as the API's error body: a VecheError keeps its code; a framework 4xx gets one from its status. */
export function asVecheError(error: unknown): { error: VecheError; internal: boolean } {
  if (error instanceof VecheError) return { error, internal: false };
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
