import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import { VecheError, type VotingRules } from '../src/index.ts';

export const PABULIB_DIR = fileURLToPath(new URL('../../../fixtures/pabulib/', import.meta.url));

/** The Pabulib files the project's tests use (fixtures/pabulib, copied from shared/data/pabulib). */
export function pabulibFiles(): { name: string; text: string }[] {
  return readdirSync(PABULIB_DIR)
    .filter((f) => f.endsWith('.pb'))
    .sort()
    .map((name) => ({ name, text: readFileSync(PABULIB_DIR + name, 'utf8') }));
}

export const project = (id: string, cost: number, extra: { status?: string; districtId?: string } = {}) => ({
  id,
  cost,
  status: extra.status ?? 'shortlisted',
  ...(extra.districtId ? { districtId: extra.districtId } : {}),
});

export const rules = (r: VotingRules): VotingRules => r;

/** A valid 1×1 PNG, and headers of the other formats built byte by byte. */
export const PNG_1X1 = Uint8Array.from(
  atob('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=='),
  (c) => c.charCodeAt(0),
);

export function jpegHeader(width: number, height: number): Uint8Array {
  // SOI, an APP0 segment of 16 bytes, then SOF0 with height and width.
  return Uint8Array.from([
    0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00,
    0xff, 0xc0, 0x00, 0x11, 0x08, height >> 8, height & 0xff, width >> 8, width & 0xff, 0x03, 0x01, 0x22, 0x00,
  ]);
}

/** The VecheError a call fails with (the test fails when it does not). */
export async function failure(promise: Promise<unknown>): Promise<VecheError> {
  try {
    await promise;
  } catch (e) {
    expect(e).toBeInstanceOf(VecheError);
    return e as VecheError;
  }
  throw new Error('expected the call to fail');
}

/** A localStorage stand-in that tests can look into. */
export function memoryStorage() {
  const data = new Map<string, string>();
  return {
    getItem: (k: string) => data.get(k) ?? null,
    setItem: (k: string, v: string) => void data.set(k, v),
    removeItem: (k: string) => void data.delete(k),
    data,
  };
}
