import type { VecheServer } from '../../../packages/server/src/index.ts';

export interface Answer {
  status: number;
  body: unknown;
  headers: Record<string, string | string[] | number | undefined>;
  text: string;
}

/** A request straight into Fastify (no socket): `call(server, 'POST', '/api/…', body, headers)`. */
export async function call(
  server: VecheServer,
  method: 'GET' | 'POST' | 'PUT' | 'DELETE' | 'OPTIONS',
  url: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<Answer> {
  const payload = body === undefined ? undefined : typeof body === 'string' || Buffer.isBuffer(body) ? body : JSON.stringify(body);
  const res = await server.app.inject({
    method,
    url,
    headers: { ...(body !== undefined && typeof body !== 'string' && !Buffer.isBuffer(body) ? { 'content-type': 'application/json' } : {}), ...headers },
    ...(payload !== undefined ? { payload } : {}),
  });
  let parsed: unknown;
  try {
    parsed = JSON.parse(res.body);
  } catch {
    parsed = undefined;
  }
  return { status: res.statusCode, body: parsed, headers: res.headers, text: res.body };
}

export const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

/** Whether an answer is the API's error body with this code. */
export function isError(answer: Answer, code: string): boolean {
  const error = (answer.body as { error?: { code?: unknown; message?: unknown } } | undefined)?.error;
  return error?.code === code && typeof error.message === 'string' && error.message.length > 0;
}
