import type { Selection } from '@veche/core';
import { type Ctx, cached } from './context.ts';

export interface CastBallot {
  voterId: string;
  selection: Selection[];
}

/** Every submitted ballot of a campaign (reused for `liveCacheMs`). */
export function submittedBallots(ctx: Ctx, campaignId: string): Promise<CastBallot[]> {
  return cached(ctx, `ballots:${campaignId}`, async () => {
    const rows = await ctx.db
      .selectFrom('ballots')
      .select(['resident_id', 'selection'])
      .where('campaign_id', '=', campaignId)
      .where('status', '=', 'submitted')
      .execute();
    return rows.map((r) => ({ voterId: r.resident_id, selection: JSON.parse(r.selection) as Selection[] }));
  });
}

/** Ballots naming each project, and the turnout. */
export function voteTally(ctx: Ctx, campaignId: string): Promise<{ votes: Map<string, number>; turnout: number }> {
  return cached(ctx, `tally:${campaignId}`, async () => {
    const votes = new Map<string, number>();
    const ballots = await submittedBallots(ctx, campaignId);
    for (const b of ballots) {
      for (const id of new Set(b.selection.map((s) => s.projectId))) votes.set(id, (votes.get(id) ?? 0) + 1);
    }
    return { votes, turnout: ballots.length };
  });
}

/** Residents who have submitted a ballot. */
export function turnout(ctx: Ctx, campaignId: string): Promise<number> {
  return cached(ctx, `turnout:${campaignId}`, async () => {
    const row = await ctx.db
      .selectFrom('ballots')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('campaign_id', '=', campaignId)
      .where('status', '=', 'submitted')
      .executeTakeFirstOrThrow();
    return Number(row.n);
  });
}
