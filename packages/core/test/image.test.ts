import { describe, expect, it } from 'vitest';
import { sniffImage } from '../src/index.ts';
import { PNG_1X1, jpegHeader } from './helpers.ts';

function webpVp8x(width: number, height: number): Uint8Array {
  const b = new Uint8Array(30);
  b.set([..."RIFF"].map((c) => c.charCodeAt(0)), 0);
  b.set([..."WEBPVP8X"].map((c) => c.charCodeAt(0)), 8);
  const w = width - 1;
  const h = height - 1;
  b.set([w & 0xff, (w >> 8) & 0xff, (w >> 16) & 0xff, h & 0xff, (h >> 8) & 0xff, (h >> 16) & 0xff], 24);
  return b;
}

describe('sniffImage', () => {
  it('reads the type and size of PNG, JPEG and WebP from their bytes', () => {
    expect(sniffImage(PNG_1X1)).toEqual({ type: 'image/png', width: 1, height: 1 });
    expect(sniffImage(jpegHeader(640, 480))).toEqual({ type: 'image/jpeg', width: 640, height: 480 });
    expect(sniffImage(webpVp8x(1920, 1080))).toEqual({ type: 'image/webp', width: 1920, height: 1080 });
  });

  it('refuses what only claims to be an image', () => {
    const html = new TextEncoder().encode('<!doctype html><script>alert(1)</script>');
    expect(sniffImage(html)).toBeUndefined();
    expect(sniffImage(new TextEncoder().encode('GIF89a......'))).toBeUndefined();
    expect(sniffImage(PNG_1X1.slice(0, 10))).toBeUndefined();
    expect(sniffImage(new Uint8Array())).toBeUndefined();
  });
});
