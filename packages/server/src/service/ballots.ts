import {
  BallotInput,
  VecheError,
  checkBallot,
  effectiveRules,
  parseWith,
  type Ballot,
  type BallotProject,
  type Selection,
} from '@veche/core';
import type { Kysely } from 'kysely';
import type { BallotsTable, Tables } from '../db/schema.ts';
import { type Ctx, type Session, cached, iso, loadCampaign, once, randomCode, requirePhase, requireResident } from './context.ts';

function toBallot(row: Pick<BallotsTable, 'campaign_id' | 'status' | 'selection' | 'district_id' | 'updated_at' | 'submitted_at' | 'receipt'>): Ballot {
  return {
    campaignId: row.campaign_id,
    status: row.status as Ballot['status'],
    selection: JSON.parse(row.selection) as Selection[],
    updatedAt: row.updated_at,
    ...(row.district_id !== null ? { districtId: row.district_id } : {}),
    ...(row.submitted_at !== null ? { submittedAt: row.submitted_at } : {}),
    ...(row.receipt !== null ? { receipt: row.receipt } : {}),
  };
}

const COLUMNS = ['campaign_id', 'status', 'selection', 'district_id', 'updated_at', 'submitted_at', 'receipt'] as const;

/** The fields of every public project of a campaign that the rules look at (reused for `liveCacheMs`). */
function ballotProjects(ctx: Ctx, campaignId: string): Promise<Map<string, BallotProject>> {
  return cached(ctx, `rules-projects:${campaignId}`, async () => {
    const rows = await ctx.db
      .selectFrom('projects')
      .select(['id', 'cost', 'status', 'district_id'])
      .where('campaign_id', '=', campaignId)
      .where('status', '!=', 'submitted')
      .execute();
    return new Map(rows.map((p) => [p.id, { id: p.id, cost: p.cost, status: p.status, districtId: p.district_id ?? undefined }]));
  });
}

export async function getBallot(ctx: Ctx, campaignId: string, session: Session | null): Promise<Ballot | null> {
  const campaign = await loadCampaign(ctx, campaignId);
  const resident = requireResident(campaign, 'voting', session);
  const row = await ctx.db
    .selectFrom('ballots')
    .select(COLUMNS)
    .where('campaign_id', '=', campaignId)
    .where('resident_id', '=', resident.residentId)
    .executeTakeFirst();
  return row ? toBallot(row) : null;
}

/**
 * Writes the resident's ballot unless a submitted one is there: a single INSERT … ON CONFLICT … DO
 * UPDATE … WHERE status <> 'submitted', so two racing writes cannot both win (the primary key is
 * campaign + resident).
 */
async function writeBallot(
  db: Kysely<Tables>,
  row: BallotsTable,
): Promise<Ballot | undefined> {
  const { campaign_id: _c, resident_id: _r, ...update } = row;
  const written = await db
    .insertInto('ballots')
    .values(row)
    .onConflict((oc) => oc.columns(['campaign_id', 'resident_id']).doUpdateSet(update).where('ballots.status', '<>', 'submitted'))
    .returning(COLUMNS)
    .executeTakeFirst();
  return written ? toBallot(written) : undefined;
}

export async function saveBallot(ctx: Ctx, campaignId: string, input: unknown, session: Session | null): Promise<Ballot> {
  const campaign = await loadCampaign(ctx, campaignId);
  const body = parseWith(BallotInput, input, 'ballot');
  requirePhase(ctx, campaign, 'voting');
  const resident = requireResident(campaign, 'voting', session);
  const ballot = await writeBallot(ctx.db, {
    campaign_id: campaignId,
    resident_id: resident.residentId,
    status: 'draft',
    selection: JSON.stringify(body.selection),
    district_id: body.districtId ?? null,
    updated_at: iso(ctx),
    submitted_at: null,
    receipt: null,
  });
  if (!ballot) throw new VecheError('conflict', 'The ballot is already submitted; withdraw it to change it');
  return ballot;
}

/** Checks the ballot with the campaign's rules and stores it as submitted: 422 with every violation. */
export async function submitBallot(ctx: Ctx, campaignId: string, input: unknown, session: Session | null, idempotencyKey?: string): Promise<Ballot> {
  const campaign = await loadCampaign(ctx, campaignId);
  const body = parseWith(BallotInput, input, 'ballot');
  requirePhase(ctx, campaign, 'voting');
  const resident = requireResident(campaign, 'voting', session);

  // Read before the transaction: SQLite has one connection, which the transaction holds.
  const onBallot = await ballotProjects(ctx, campaignId);
  const run = async (db: Kysely<Tables>): Promise<Ballot> => {
    if (campaign.votingRules.districtMode === 'one') {
      if (!body.districtId) throw new VecheError('invalid-input', 'Invalid ballot: districtId is required: choose your district');
      if (!campaign.districts.some((d) => d.id === body.districtId)) {
        throw new VecheError('invalid-input', `Invalid ballot: districtId ${body.districtId} is not a district of this campaign`);
      }
      if (resident.districtId !== undefined && resident.districtId !== body.districtId) {
        throw new VecheError('forbidden', `You are registered to vote in district ${resident.districtId}`, { details: { districtId: resident.districtId } });
      }
    }
    const projects = body.selection.flatMap((s) => onBallot.get(s.projectId) ?? []);
    const check = checkBallot(effectiveRules(campaign, body.districtId), projects, body.selection, {
      districtId: body.districtId,
      districts: campaign.districts,
    });
    if (!check.ok) throw new VecheError('rule-violation', 'The ballot breaks the voting rules', { details: { violations: check.violations } });
    const now = iso(ctx);
    const ballot = await writeBallot(db, {
      campaign_id: campaignId,
      resident_id: resident.residentId,
      status: 'submitted',
      selection: JSON.stringify(body.selection),
      district_id: body.districtId ?? null,
      updated_at: now,
      submitted_at: now,
      receipt: `${randomCode(4)}-${randomCode(4)}`,
    });
    if (!ballot) throw new VecheError('conflict', 'A ballot is already submitted; withdraw it first to vote again');
    return ballot;
  };
  if (idempotencyKey === undefined) return run(ctx.db);
  return once(ctx, `ballot:${campaignId}:${resident.residentId}`, idempotencyKey, run);
}

/** Turns a submitted ballot back into a draft while voting is open, where the campaign allows a new vote. */
export async function withdrawBallot(ctx: Ctx, campaignId: string, session: Session | null): Promise<void> {
  const campaign = await loadCampaign(ctx, campaignId);
  requirePhase(ctx, campaign, 'voting');
  const resident = requireResident(campaign, 'voting', session);
  if (!campaign.allowRevote) throw new VecheError('forbidden', 'This campaign does not allow changing a submitted vote');
  const done = await ctx.db
    .updateTable('ballots')
    .set({ status: 'draft', submitted_at: null, receipt: null, updated_at: iso(ctx) })
    .where('campaign_id', '=', campaignId)
    .where('resident_id', '=', resident.residentId)
    .where('status', '=', 'submitted')
    .executeTakeFirst();
  if (Number(done.numUpdatedRows) === 0) throw new VecheError('not-found', 'There is no submitted ballot to withdraw');
}
