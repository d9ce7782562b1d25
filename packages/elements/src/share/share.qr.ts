import { encode } from 'uqr';

/** A QR code as one SVG path of its dark modules, in module units, without the quiet zone. */
export interface QrCode {
  /** What it encodes. */
  text: string;
  /** Modules per side. */
  size: number;
  /** `M x y h n v1 h -n z` per run of dark modules in a row. */
  path: string;
}

/**
 * Encodes `text` (error correction M: a printed poster survives some wear) and traces each row's runs of
 * dark modules. The path is numbers only: it is bound as an attribute, never parsed as markup.
 */
export function qrCode(text: string): QrCode {
  const { size, data } = encode(text, { ecc: 'M', border: 0 });
  let path = '';
  data.forEach((row, y) => {
    for (let x = 0; x < size; x++) {
      if (!row[x]) continue;
      const start = x;
      while (x + 1 < size && row[x + 1]) x++;
      const run = x - start + 1;
      path += `M${start} ${y}h${run}v1h-${run}z`;
    }
  });
  return { text, size, path };
}
