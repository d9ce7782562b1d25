import { randomBytes } from 'node:crypto';
import {
  DeviceProof,
  Poll,
  PollAnswerInput,
  VecheError,
  checkPollAnswer,
  discussionPolicy,
  invalidComment,
  parseWith,
  pollResultsVisible,
  pollState,
  requireDiscussant,
  requirePollOpen,
  tallyPoll,
  type Campaign,
  type PollAnswer,
  type PollInput,
  type PollResults,
  type PollView,
} from '@veche/core';
import type { Kysely } from 'kysely';
import type { Tables } from '../db/schema.ts';
import { type Ctx, type Session, cached, iso, loadCampaign, once, sha256, throttle } from './context.ts';

/**
 * Who is answering. Residents' polls: the session. Device polls: the adapter's device id, and what
 * the request says of the device (address, browser, language, the adapter's hints), hashed per poll.
 */
export interface PollCaller {
  session: Session | null;
  ip: string;
  userAgent?: string | undefined;
  language?: string | undefined;
  device?: { id?: string | undefined; hints?: string | undefined } | undefined;
  idempotencyKey?: string | undefined;
}

/** Answers one address may give to one device poll in an hour: a brake on scripted answers, not a rule for residents. */
export const DEVICE_ANSWERS_PER_ADDRESS = 50;

interface StoredPoll {
  poll: Poll;
  salt: string;
}

async function loadPoll(ctx: Ctx, pollId: string, db: Kysely<Tables> = ctx.db): Promise<StoredPoll> {
  const row = await db.selectFrom('polls').select(['data', 'salt']).where('id', '=', pollId).executeTakeFirst();
  if (!row) throw new VecheError('not-found', `There is no poll ${pollId}`);
  return { poll: JSON.parse(row.data) as Poll, salt: row.salt };
}

/**
 * The keys an answer is stored under. A resident poll: `r:<resident>`. A device poll: `d:<hash of the
 * device id>`, and a fingerprint (a salted hash of the address, the browser, its languages and the
 * device hints) that is unique per poll, so clearing the browser's storage does not buy a second answer.
 */
function voterKeys(stored: StoredPoll, caller: PollCaller, campaign: Campaign): { voter: string; fingerprint: string | null } {
  const { poll, salt } = stored;
  if (poll.audience === 'resident') {
    const session = requireDiscussant(discussionPolicy(campaign), campaign.id, caller.session);
    return { voter: `r:${session.residentId}`, fingerprint: null };
  }
  const device = parseWith(DeviceProof, caller.device, 'device');
  const fingerprint = sha256([salt, caller.ip, caller.userAgent ?? '', caller.language ?? '', device.hints ?? ''].join('\n'));
  return { voter: `d:${sha256(`${salt}\n${device.id}`)}`, fingerprint };
}

function toAnswer(row: { choices: string; other: string | null; created_at: string }): PollAnswer {
  return { choices: JSON.parse(row.choices) as string[], answeredAt: row.created_at, ...(row.other !== null ? { other: row.other } : {}) };
}

/** The caller's own answer: by resident, or by device id or fingerprint. */
async function findAnswer(db: Kysely<Tables>, pollId: string, keys: { voter: string; fingerprint: string | null }): Promise<PollAnswer | null> {
  let query = db.selectFrom('poll_answers').select(['choices', 'other', 'created_at']).where('poll_id', '=', pollId);
  query = keys.fingerprint === null ? query.where('voter_key', '=', keys.voter) : query.where((eb) => eb.or([eb('voter_key', '=', keys.voter), eb('fingerprint', '=', keys.fingerprint)]));
  const row = await query.limit(1).executeTakeFirst();
  return row ? toAnswer(row) : null;
}

async function tally(db: Kysely<Tables>, poll: Poll): Promise<PollResults> {
  const rows = await db.selectFrom('poll_answers').select(['choices', 'other']).where('poll_id', '=', poll.id).execute();
  return tallyPoll(poll, rows.map((r) => ({ choices: JSON.parse(r.choices) as string[], ...(r.other !== null ? { other: r.other } : {}) })));
}

function view(ctx: Ctx, poll: Poll, campaign: Campaign, answer: PollAnswer | null, results: () => Promise<PollResults>): Promise<PollView> {
  const now = ctx.now();
  const signIn = poll.audience === 'resident' ? [...discussionPolicy(campaign).signIn] : [];
  const out: PollView = { poll, state: pollState(poll, now), answer, signIn };
  if (!pollResultsVisible(poll, now, answer !== null)) return Promise.resolve(out);
  return results().then((r) => ({ ...out, results: r }));
}

/** A poll with the caller's answer, and the results once they may be shown (counts reused for `liveCacheMs`). */
export async function getPoll(ctx: Ctx, pollId: string, caller: PollCaller): Promise<PollView> {
  const stored = await loadPoll(ctx, pollId);
  const campaign = await loadCampaign(ctx, stored.poll.campaignId);
  let answer: PollAnswer | null = null;
  const anonymous = stored.poll.audience === 'resident' ? !caller.session : !caller.device?.id;
  if (!anonymous) {
    try {
      answer = await findAnswer(ctx.db, pollId, voterKeys(stored, caller, campaign));
    } catch (error) {
      // A session the poll does not take, or a malformed device id: the poll is shown unanswered.
      if (!(error instanceof VecheError)) throw error;
    }
  }
  return view(ctx, stored.poll, campaign, answer, () => cached(ctx, `poll-tally:${pollId}`, () => tally(ctx.db, stored.poll)));
}

/**
 * Takes one answer: checked against the poll, once per resident (or device), refused with 409 after
 * that whatever the order of concurrent requests (the primary key and the unique fingerprint decide).
 */
export async function answerPoll(ctx: Ctx, pollId: string, body: unknown, caller: PollCaller): Promise<PollView> {
  const stored = await loadPoll(ctx, pollId);
  const { poll } = stored;
  const campaign = await loadCampaign(ctx, poll.campaignId);
  const input = parseWith(PollAnswerInput, body, 'poll answer');
  requirePollOpen(poll, ctx.now());
  const keys = voterKeys(stored, { ...caller, device: input.device ?? caller.device }, campaign);
  const issues = checkPollAnswer(poll, input);
  if (issues.length > 0) throw invalidComment(issues, 'poll answer');
  if (keys.fingerprint !== null) await throttle(ctx, `poll-address:${pollId}:${caller.ip}`, DEVICE_ANSWERS_PER_ADDRESS, 3_600_000);
  return once(ctx, `poll:${pollId}:${keys.voter}`, caller.idempotencyKey, async (trx) => {
    const other = input.other?.trim();
    const added = await trx
      .insertInto('poll_answers')
      .values({ poll_id: pollId, voter_key: keys.voter, fingerprint: keys.fingerprint, choices: JSON.stringify(input.choices), other: other || null, created_at: iso(ctx) })
      .onConflict((oc) => oc.doNothing())
      .executeTakeFirst();
    if (Number(added.numInsertedOrUpdatedRows ?? 0) === 0) {
      const mine = await trx.selectFrom('poll_answers').select('voter_key').where('poll_id', '=', pollId).where('voter_key', '=', keys.voter).executeTakeFirst();
      throw new VecheError('conflict', mine ? 'This poll is already answered' : 'An answer from this device was already counted', {
        details: { answered: true, by: mine ? (poll.audience === 'resident' ? 'resident' : 'device') : 'fingerprint' },
      });
    }
    ctx.cache.delete(`poll-tally:${pollId}`);
    return view(ctx, poll, campaign, await findAnswer(trx, pollId, keys), () => tally(trx, poll));
  });
}

/**
 * Creates or replaces a poll. Once it has answers, what they mean is frozen (kind, audience, the
 * options' ids): 409; the wording and the dates may still change.
 */
export async function putPoll(ctx: Ctx, input: PollInput | unknown): Promise<Poll> {
  const poll = parseWith(Poll, input, 'poll');
  await loadCampaign(ctx, poll.campaignId);
  if (poll.projectId !== undefined) {
    const project = await ctx.db.selectFrom('projects').select('campaign_id').where('id', '=', poll.projectId).executeTakeFirst();
    if (!project || project.campaign_id !== poll.campaignId) throw new VecheError('invalid-input', `Invalid poll: projectId ${poll.projectId} is not a project of campaign ${poll.campaignId}`);
  }
  const now = iso(ctx);
  await ctx.db.transaction().execute(async (trx) => {
    const existing = await trx.selectFrom('polls').select(['data', 'campaign_id']).where('id', '=', poll.id).executeTakeFirst();
    if (!existing) {
      await trx
        .insertInto('polls')
        .values({ id: poll.id, campaign_id: poll.campaignId, project_id: poll.projectId ?? null, data: JSON.stringify(poll), salt: randomBytes(16).toString('hex'), created_at: now, updated_at: now })
        .execute();
      return;
    }
    const before = JSON.parse(existing.data) as Poll;
    const meaning = (p: Poll) => JSON.stringify([p.campaignId, p.kind, p.audience, p.other, p.options.map((o) => o.id)]);
    if (meaning(before) !== meaning(poll)) {
      const answered = await trx.selectFrom('poll_answers').select('voter_key').where('poll_id', '=', poll.id).limit(1).execute();
      if (answered.length > 0) throw new VecheError('conflict', 'The poll has answers: its kind, audience and options can no longer change');
    }
    await trx.updateTable('polls').set({ campaign_id: poll.campaignId, project_id: poll.projectId ?? null, data: JSON.stringify(poll), updated_at: now }).where('id', '=', poll.id).execute();
  });
  ctx.cache.delete(`poll-tally:${poll.id}`);
  return poll;
}

/** Everything of a poll for the administration: the results at any time, and the «other» texts. */
export async function pollReport(ctx: Ctx, pollId: string): Promise<{ poll: Poll; state: string; results: PollResults; other: { text: string; at: string }[] }> {
  const { poll } = await loadPoll(ctx, pollId);
  const others = await ctx.db
    .selectFrom('poll_answers')
    .select(['other', 'created_at'])
    .where('poll_id', '=', pollId)
    .where('other', 'is not', null)
    .orderBy('created_at')
    .execute();
  return { poll, state: pollState(poll, ctx.now()), results: await tally(ctx.db, poll), other: others.map((o) => ({ text: o.other!, at: o.created_at })) };
}

/** Polls of a fixture (the demo) with other residents' answers (`seed-<n>`), unless already there. */
export async function seedPolls(ctx: Ctx, polls: readonly PollInput[], answers: Record<string, { choices: string[]; other?: string }[]> = {}): Promise<void> {
  for (const input of polls) {
    const exists = await ctx.db.selectFrom('polls').select('id').where('id', '=', input.id).executeTakeFirst();
    if (exists) continue;
    const poll = await putPoll(ctx, input);
    const seeded = answers[poll.id] ?? [];
    const now = iso(ctx);
    await ctx.db.transaction().execute(async (trx) => {
      for (let i = 0; i < seeded.length; i += 500) {
        await trx
          .insertInto('poll_answers')
          .values(
            seeded.slice(i, i + 500).map((a, j) => ({
              poll_id: poll.id,
              voter_key: `seed-${i + j + 1}`,
              fingerprint: null,
              choices: JSON.stringify(a.choices),
              other: a.other ?? null,
              created_at: now,
            })),
          )
          .execute();
      }
    });
  }
}
