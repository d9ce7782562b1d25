// The console's client of the Veche HTTP API: the staff session's bearer token, errors as ApiError.

const TOKEN_KEY = 'veche-admin-token';

export class ApiError extends Error {
  override readonly name = 'ApiError';
  constructor(
    readonly code: string,
    message: string,
    readonly status: number,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
  }
  /** Field errors of an invalid-input answer, by field path. */
  get issues(): { field: string; message: string }[] {
    return Array.isArray(this.details['issues']) ? (this.details['issues'] as { field: string; message: string }[]) : [];
  }
}

type Listener = () => void;
const expiredListeners = new Set<Listener>();

/** Called when the server says the session is over (401 on a signed-in request). */
export const onExpired = (listener: Listener): (() => void) => {
  expiredListeners.add(listener);
  return () => expiredListeners.delete(listener);
};

export const token = {
  get: (): string | null => sessionStorage.getItem(TOKEN_KEY),
  set: (value: string): void => sessionStorage.setItem(TOKEN_KEY, value),
  clear: (): void => sessionStorage.removeItem(TOKEN_KEY),
};

export const API = '/api';

async function request(method: string, path: string, body?: unknown, init: { raw?: boolean; form?: FormData } = {}): Promise<Response> {
  const headers: Record<string, string> = {};
  const bearer = token.get();
  if (bearer) headers['authorization'] = `Bearer ${bearer}`;
  let payload: BodyInit | undefined;
  if (init.form) payload = init.form;
  else if (body !== undefined) {
    headers['content-type'] = 'application/json';
    payload = JSON.stringify(body);
  }
  let response: Response;
  try {
    response = await fetch(`${API}${path}`, { method, headers, ...(payload !== undefined ? { body: payload } : {}) });
  } catch (error) {
    throw new ApiError('network', error instanceof Error ? error.message : 'The server does not answer', 0);
  }
  if (response.ok) return response;
  let error: { code?: string; message?: string; details?: Record<string, unknown> } = {};
  try {
    error = ((await response.json()) as { error?: typeof error }).error ?? {};
  } catch {
    // not our error body
  }
  const failure = new ApiError(error.code ?? 'unavailable', error.message ?? response.statusText, response.status, error.details ?? {});
  if (response.status === 401 && bearer && !path.startsWith('/staff/sign-in')) expiredListeners.forEach((l) => l());
  throw failure;
}

/** A JSON call; 204 answers undefined. */
export async function api<T = unknown>(method: 'GET' | 'POST' | 'PUT' | 'DELETE', path: string, body?: unknown): Promise<T> {
  const response = await request(method, path, body);
  if (response.status === 204) return undefined as T;
  return (await response.json()) as T;
}

/** A text answer (CSV, Pabulib). */
export async function apiText(path: string): Promise<string> {
  return (await request('GET', path)).text();
}

/** A file upload (multipart field "file"). */
export async function apiUpload<T>(path: string, file: File): Promise<T> {
  const form = new FormData();
  form.append('file', file);
  return (await (await request('POST', path, undefined, { form })).json()) as T;
}

/** Offers text as a file download (exports need the bearer token, so they are fetched first). */
export function download(name: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
