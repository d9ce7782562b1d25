// The CLI's reporting commands: offline participation counts and news items.
import { PARTICIPATION_ACTIONS, campaignYear, channelTotal, formatNumber, formatShare, type ParticipationReport } from '@veche/core';
import { loadCampaign, type Ctx } from './service/context.ts';
import { deleteParticipation, getParticipation, getParticipationEntry, putParticipation } from './service/participation.ts';
import { createUpdate } from './service/updates.ts';

const COUNTS = [...PARTICIPATION_ACTIONS, 'total'] as const;

/** The options these commands add to the CLI's (all strings, checked here). */
export const REPORTING_OPTIONS = {
  year: { type: 'string' },
  population: { type: 'string' },
  population16: { type: 'string' },
  municipality: { type: 'string' },
  clear: { type: 'boolean' },
  title: { type: 'string' },
  text: { type: 'string' },
  project: { type: 'string' },
  link: { type: 'string' },
  date: { type: 'string' },
  ...Object.fromEntries(COUNTS.flatMap((c) => [[`offline-${c}`, { type: 'string' }], [`online-${c}`, { type: 'string' }]])),
} as const satisfies Record<string, { type: 'string' | 'boolean' }>;

export const REPORTING_USAGE = `  participation ID [--year Y] [--offline-ideas N] [--offline-support N] [--offline-votes N]
        [--offline-comments N] [--offline-total N] [--online-… N] [--population N] [--population16 N]
        [--municipality TEXT] [--clear]
                                                  enter a year's participation (offline counts of residents
                                                  not in the records: meetings, paper sheets; for earlier
                                                  years both channels) and print the report; --clear
                                                  removes the year's entry; no counts: print the report
  update ID --title TEXT [--text TEXT] [--project P] [--link URL] [--date ISO]
                                                  publish a news item; prints its id`;

export class ReportingUsageError extends Error {}

const print = (text: string) => void process.stdout.write(`${text}\n`);

const whole = (name: string, value: string): number => {
  if (!/^\d{1,10}$/.test(value.trim())) throw new ReportingUsageError(`--${name} must be a whole number, not "${value}"`);
  return Number(value);
};

/** The report as a table for the terminal. */
export function reportTable(report: ParticipationReport): string {
  const pct = (s: number | undefined) => (s === undefined ? '—' : formatShare(s, 'ru'));
  const n = (v: number | undefined) => (v === undefined ? '—' : formatNumber(v, 'ru'));
  const head = ['год', 'жителей', '16+', 'участников', 'доля 16+', 'цифровых', 'доля участн.', 'доля 16+', 'источник'];
  const rows = report.years.map((y) => [
    String(y.year),
    n(y.population),
    n(y.population16),
    n(channelTotal(y.participants)),
    pct(y.shares.participants16),
    n(y.participants.online),
    pct(y.shares.digitalOfParticipants),
    pct(y.shares.digital16),
    y.source === 'live' ? `сейчас (${y.campaignId})` : `введено${y.municipality && y.municipality !== report.municipality ? `: ${y.municipality}` : ''}`,
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  return [head, ...rows].map((r) => r.map((c, i) => (i === r.length - 1 ? c : c.padStart(widths[i]!))).join('  ')).join('\n');
}

type Values = Record<string, string | boolean | undefined>;

/** Runs `participation` or `update`; returns the exit status. */
export async function runReporting(ctx: Ctx, command: 'participation' | 'update', args: string[], values: Values): Promise<number> {
  const id = args[0];
  if (!id) throw new ReportingUsageError(`${command}: ID is missing`);
  const str = (name: string) => (typeof values[name] === 'string' ? (values[name] as string) : undefined);
  if (command === 'update') {
    const title = str('title');
    if (!title) throw new ReportingUsageError('update: --title TEXT is missing');
    const item = await createUpdate(ctx, id, {
      title,
      ...(str('text') !== undefined ? { text: str('text')!.replace(/\\n/g, '\n') } : {}),
      ...(str('project') !== undefined ? { projectId: str('project') } : {}),
      ...(str('link') !== undefined ? { link: str('link') } : {}),
      ...(str('date') !== undefined ? { date: str('date') } : {}),
    });
    print(item.id);
    return 0;
  }
  const campaign = await loadCampaign(ctx, id);
  const year = str('year') !== undefined ? whole('year', str('year')!) : campaignYear(campaign);
  if (values['clear']) {
    await deleteParticipation(ctx, id, year);
    print(reportTable(await getParticipation(ctx, id)));
    return 0;
  }
  const given = Object.keys(REPORTING_OPTIONS).filter((k) => /^(offline|online)-|^population|^municipality$/.test(k) && str(k) !== undefined);
  if (given.length === 0) {
    print(reportTable(await getParticipation(ctx, id)));
    return 0;
  }
  // What was entered before stays unless a flag replaces it.
  const entry = await getParticipationEntry(ctx, id, year);
  for (const channel of ['offline', 'online'] as const) {
    for (const c of COUNTS) {
      const value = str(`${channel}-${c}`);
      if (value !== undefined) entry[channel][c] = whole(`${channel}-${c}`, value);
    }
  }
  for (const p of ['population', 'population16'] as const) if (str(p) !== undefined) entry[p] = whole(p, str(p)!);
  if (str('municipality') !== undefined) entry.municipality = str('municipality')!;
  print(reportTable(await putParticipation(ctx, id, year, entry)));
  return 0;
}
