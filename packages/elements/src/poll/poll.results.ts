import { formatNumber, formatShare, type Locale, type PollView } from '@veche/core';
import { css, html, nothing, svg, type TemplateResult } from 'lit';
import { resultsMessages, type PollResultsTerms } from './poll.results.i18n.ts';

/*
 * The results of `veche-poll`, shown after answering or once the poll has closed: a bar chart for the eye
 * (hidden from screen readers) and a real table behind it. Loaded, with their texts and styles, the first
 * time the poll has results to show.
 */

export { resultsMessages };

/** A share 0–1 as an SVG bar: the track with a border (visible in the contrast theme) and the filled part. */
const bar = (share: number) => html`<svg class="bar" aria-hidden="true" focusable="false">
  <rect class="track" width="100%" height="100%" rx="2"></rect>
  ${svg`<rect class="fill" width=${`${Math.min(100, Math.max(0, share * 100))}%`} height="100%" rx="2"></rect>`}
</svg>`;

/** The results: the count of respondents, a bar per option (the resident's own marked in words), the table. */
export function renderResults(view: PollView, t: PollResultsTerms, locale: Locale, shown: boolean, toggle: () => void): TemplateResult {
  const results = view.results!;
  const total = results.total;
  const mine = new Set(view.answer?.choices ?? []);
  const rows = view.poll.options.map((o) => ({ ...o, count: results.options.find((r) => r.id === o.id)?.count ?? 0 }));
  const share = (n: number) => (total > 0 ? n / total : 0);
  const yours = (id: string) => (mine.has(id) ? html` <span class="yours">(${t.yours})</span>` : nothing);
  return html`<div part="results" class="results">
    <div class="toolbar">
      <h3>${t.results}</h3>
      <button class="button" part="toggle" type="button" aria-pressed=${shown ? 'true' : 'false'} @click=${toggle}>${t.table}</button>
    </div>
    <p>${t.answered(formatNumber(total, locale), total)}</p>
    ${shown
      ? nothing
      : html`<ol part="chart" class="chart" aria-hidden="true">
          ${rows.map(
            (r) => html`<li>
              <p>${r.label}${yours(r.id)}</p>
              <p class="muted">${formatNumber(r.count, locale)} · ${formatShare(share(r.count), locale, 0)}</p>
              ${bar(share(r.count))}
            </li>`,
          )}
        </ol>`}
    <div class=${shown ? 'scroll' : 'visually-hidden'}>
      <table part="table">
        <caption>${t.results}</caption>
        <thead>
          <tr><th scope="col">${t.option}</th><th scope="col">${t.count}</th><th scope="col">${t.share}</th></tr>
        </thead>
        <tbody>
          ${rows.map(
            (r) => html`<tr><th scope="row">${r.label}${yours(r.id)}</th><td>${formatNumber(r.count, locale)}</td><td>${formatShare(share(r.count), locale, 1)}</td></tr>`,
          )}
        </tbody>
      </table>
    </div>
    ${results.other > 0 ? html`<p class="muted">${t.otherAnswers(formatNumber(results.other, locale))}</p>` : nothing}
  </div>`;
}

/** The styles of the results. */
export const resultsStyles = css`
  .results {
    display: grid;
    gap: 0.75em;
  }
  .chart {
    display: grid;
    gap: 0.75em;
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .toolbar {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: 0.5em 1em;
  }
  .bar {
    display: block;
    width: 100%;
    height: 1.25em;
  }
  .track {
    fill: var(--_pl-track);
    stroke: var(--_border);
  }
  .fill {
    fill: var(--_pl-bar);
  }
  table {
    border-collapse: collapse;
  }
  th,
  td {
    padding: 0.4em 0.6em;
    border-bottom: var(--_border-width) solid var(--_border);
    text-align: start;
  }
`;
