import type { ResultsTerms } from './results.i18n.ts';
import type { ResultsModel } from './results.model.ts';

/*
 * The downloads of `<veche-results>`, loaded on the first click. The CSV is made for Excel as Russian
 * offices use it: UTF-8 with a byte-order mark (without it Excel reads Cyrillic as Windows-1251),
 * `;` between fields (Excel's list separator where the decimal separator is a comma), CRLF line ends,
 * fields quoted per RFC 4180 when they hold `;`, `"` or a line break. Amounts and counts are plain
 * integers, shares are percentages with the language's decimal separator. A text field that starts
 * like a formula (= + - @) gets a leading apostrophe, so a project title cannot run as a formula.
 * The element passes its number formatter in (`formatNumber` of @veche/core in the page's language):
 * this chunk then imports nothing the element's entry already has.
 */

/** Formats a percentage with up to two decimals, without grouping (the page's `formatNumber`). */
export type Percent = (value: number) => string;

const FORMULA = /^[=+\-@\t\r]/;

/** One CSV field: numbers as they are, text guarded against formulas and quoted when needed. */
export function csvField(value: string | number): string {
  if (typeof value === 'number') return String(value);
  const text = FORMULA.test(value) ? `'${value}` : value;
  return /[;"\r\n]|^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The results table as CSV text (without the byte-order mark). */
export function resultsCsv(model: ResultsModel, t: ResultsTerms, percent: Percent): string {
  const header = [t.rank, t.code, t.project, t.district, `${t.cost}, ₽`, t.votes, ...(model.points ? [t.points] : []), `${t.share}, %`, t.outcome];
  const lines = [header.map(csvField)];
  for (const r of model.rows) {
    lines.push(
      [
        r.rank,
        csvField(r.id),
        csvField(r.title || t.unnamed(r.id)),
        csvField(r.district ?? ''),
        r.cost ?? '',
        r.votes,
        ...(model.points ? [r.points] : []),
        // Whole hundredths of a percent, with the language's decimal separator and no grouping.
        percent(Math.round(r.share * 10_000) / 100),
        csvField(r.selected ? t.winner : t.notSelected),
      ].map(String),
    );
  }
  return lines.map((l) => l.join(';')).join('\r\n') + '\r\n';
}

/** Hands a file to the browser's download through a temporary `<a download>` inside `root`. */
export function download(root: Node & ParentNode, name: string, type: string, parts: BlobPart[]): void {
  const url = URL.createObjectURL(new Blob(parts, { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.hidden = true;
  root.append(link);
  link.click();
  link.remove();
  // Give the browser time to start reading the file before it is released.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** The CSV file: UTF-8 with a byte-order mark. */
export function downloadCsv(root: Node & ParentNode, name: string, model: ResultsModel, t: ResultsTerms, percent: Percent): void {
  download(root, name, 'text/csv;charset=utf-8', ['\uFEFF', resultsCsv(model, t, percent)]);
}
