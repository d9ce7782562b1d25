import { describe, expect, it } from 'vitest';
import { errorFromResponse, retryAfterSeconds } from '../src/index.ts';

describe('errorFromResponse', () => {
  it('takes the code, message and details of an error body', () => {
    const e = errorFromResponse(422, {
      error: { code: 'rule-violation', message: 'The ballot breaks the rules', details: { violations: [{ code: 'over-budget' }] } },
    });
    expect(e).toMatchObject({ code: 'rule-violation', status: 422, message: 'The ballot breaks the rules' });
    expect(e.details).toEqual({ violations: [{ code: 'over-budget' }] });
  });

  it('falls back to the status when the body is not an error body', () => {
    expect(errorFromResponse(500, '<html>Internal Server Error</html>').code).toBe('unavailable');
    expect(errorFromResponse(404, null).code).toBe('not-found');
    expect(errorFromResponse(418, { error: { code: 'teapot', message: 'x' } }).code).toBe('invalid-input');
    expect(errorFromResponse(429, {}, '30')).toMatchObject({ code: 'rate-limited', retryAfter: 30, retryable: true });
  });

  it('reads Retry-After as seconds or a date', () => {
    expect(retryAfterSeconds('5')).toBe(5);
    expect(retryAfterSeconds('Wed, 21 Oct 2015 07:28:10 GMT', Date.parse('Wed, 21 Oct 2015 07:28:00 GMT'))).toBe(10);
    expect(retryAfterSeconds('soon')).toBeUndefined();
    expect(retryAfterSeconds(null)).toBeUndefined();
  });
});
