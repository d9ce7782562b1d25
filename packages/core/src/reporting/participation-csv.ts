import type { ParticipationReport } from '../schemas/reporting.ts';
import { channelTotal } from './participation.ts';
import { PARTICIPATION_ACTIONS, type ParticipationAction } from './values.ts';

/*
 * The participation report as CSV for Excel as Russian offices use it: `;` between fields, CRLF, fields
 * quoted per RFC 4180 when they hold `;`, `"` or a line break, text that starts like a formula (= + - @)
 * behind an apostrophe. Counts are plain integers; shares are percentages through the caller's number
 * format (the page's language in the element, Russian on the server). The byte-order mark is the caller's.
 */

/** The column headings, in the reader's language. */
export interface ParticipationCsvTerms {
  year: string;
  municipality: string;
  residents: string;
  residents16: string;
  participants: string;
  share16: string;
  digital: string;
  shareOfParticipants: string;
  digitalShare16: string;
  online: string;
  offline: string;
  action: Record<ParticipationAction, string>;
}

const FORMULA = /^[=+\-@\t\r]/;

/** One CSV field: numbers as they are, text guarded against formulas and quoted when needed. */
export function csvField(value: string | number | undefined): string {
  if (value === undefined) return '';
  if (typeof value === 'number') return String(value);
  const text = FORMULA.test(value) ? `'${value}` : value;
  return /[;"\r\n]|^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One row a year, oldest first; `percent` formats a percentage (24.35 → `24,35`). */
export function participationCsv(report: ParticipationReport, t: ParticipationCsvTerms, percent: (value: number) => string): string {
  const pct = (share: number | undefined) => (share === undefined ? '' : percent(Math.round(share * 10_000) / 100));
  const header = [
    t.year,
    t.municipality,
    t.residents,
    t.residents16,
    t.participants,
    `${t.share16}, %`,
    t.digital,
    `${t.shareOfParticipants}, %`,
    `${t.digitalShare16}, %`,
    ...PARTICIPATION_ACTIONS.flatMap((a) => [`${t.action[a]}: ${t.online}`, `${t.action[a]}: ${t.offline}`]),
  ];
  const lines = [header.map(csvField).join(';')];
  for (const y of report.years) {
    lines.push(
      [
        csvField(y.year),
        csvField(y.municipality ?? report.municipality),
        csvField(y.population),
        csvField(y.population16),
        csvField(channelTotal(y.participants)),
        pct(y.shares.participants16),
        csvField(y.participants.online),
        pct(y.shares.digitalOfParticipants),
        pct(y.shares.digital16),
        ...PARTICIPATION_ACTIONS.flatMap((a) => [csvField(y.actions[a]?.online), csvField(y.actions[a]?.offline)]),
      ].join(';'),
    );
  }
  return `${lines.join('\r\n')}\r\n`;
}
