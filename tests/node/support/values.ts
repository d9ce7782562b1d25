import { VecheError } from '@veche/core';
import { expect } from 'vitest';

export async function failure(promise: Promise<unknown>): Promise<VecheError> {
  try {
    await promise;
  } catch (e) {
    expect(e).toBeInstanceOf(VecheError);
    return e as VecheError;
  }
  throw new Error('expected the call to fail');
}

export function memoryStorage() {
  const data = new Map<string, string>();
  return {
    getItem: (k: string) => data.get(k) ?? null,
    setItem: (k: string, v: string) => void data.set(k, v),
    removeItem: (k: string) => void data.delete(k),
    data,
  };
}

/** A valid 1×1 PNG. */
export const PNG_1X1 = Uint8Array.from(
  atob('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=='),
  (c) => c.charCodeAt(0),
);
