import { svg, type SVGTemplateResult } from 'lit';
import { encode } from 'uqr';

/** A QR code as SVG drawn from its module matrix (no markup from strings), dark on light, quiet zone included. */
export function qrCode(text: string, label: string, size = 160): SVGTemplateResult {
  const { data } = encode(text, { ecc: 'M', border: 2 });
  const n = data.length;
  let path = '';
  data.forEach((row, y) =>
    row.forEach((dark, x) => {
      if (dark) path += `M${x} ${y}h1v1h-1z`;
    }),
  );
  return svg`<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-label=${label} width=${size} height=${size} viewBox=${`0 0 ${n} ${n}`} shape-rendering="crispEdges"><rect width=${n} height=${n} fill="#fff"></rect><path d=${path} fill="#000"></path></svg>`;
}
