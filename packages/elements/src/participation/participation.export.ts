import { participationCsv, type ParticipationCsvTerms, type ParticipationReport } from '@veche/core';
import { printInFrame } from '../base/print-frame.ts';
import { download } from '../results/results.export.ts';

/*
 * The downloads and the print view of `<veche-participation>`, loaded on the first click. The CSV is the
 * same as the server's (core `participationCsv`: `;`, CRLF, formulas guarded) with a byte-order mark for
 * Excel, in the page's language. The print view prints a copy of the report alone, black on white, from
 * a hidden frame (`printInFrame`), so the host page around it is not printed.
 */

/** The CSV file: UTF-8 with a byte-order mark. */
export function downloadCsv(root: Node & ParentNode, name: string, report: ParticipationReport, t: ParticipationCsvTerms, percent: (n: number) => string): void {
  download(root, name, 'text/csv;charset=utf-8', ['\uFEFF', participationCsv(report, t, percent)]);
}

const PRINT_CSS = `@page { size: A4 landscape; margin: 12mm; }
html, body { margin: 0; background: #fff; color: #000; font: 11pt/1.35 system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', 'Liberation Sans', sans-serif; }
h1 { font-size: 16pt; margin: 0 0 4mm; }
[role=heading] { font-weight: 700; margin: 4mm 0 2mm; }
ol, ul { list-style: none; margin: 0 0 4mm; padding: 0; }
li { margin: 0 0 2mm; break-inside: avoid; }
p { margin: 0; }
svg { display: block; box-sizing: border-box; width: 100%; height: 4mm; border: 0.3mm solid #000; }
rect { fill: #000; }
table { width: 100%; border-collapse: collapse; margin: 0 0 6mm; break-inside: auto; }
caption { text-align: start; font-weight: 700; padding-bottom: 2mm; }
th, td { border: 0.3mm solid #000; padding: 1mm 2mm; text-align: start; vertical-align: top; }
td { text-align: end; white-space: nowrap; }
`;

/** Prints a copy of `report` alone under `title`, black on white, without scrolling regions or focus stops. */
export function printReport(report: Element, title: string, lang: string): HTMLIFrameElement {
  const heading = document.createElement('h1');
  heading.textContent = title;
  const copy = report.cloneNode(true) as Element;
  for (const el of copy.querySelectorAll('[tabindex], [role=region]')) {
    el.removeAttribute('tabindex');
    el.removeAttribute('role');
  }
  return printInFrame([heading, copy], title, lang, PRINT_CSS);
}
