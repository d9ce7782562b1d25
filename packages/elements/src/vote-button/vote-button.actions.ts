import { VecheError, type Ballot, type BallotInput, type Campaign, type Project, type VecheAdapter, type ViolationCode } from '@veche/core';

/**
 * An Idempotency-Key: `crypto.randomUUID` where the page is a secure context, else 128 random bits
 * (city sites still run on plain http).
 */
export function newKey(): string {
  const c = globalThis.crypto;
  if (typeof c.randomUUID === 'function') return c.randomUUID();
  return Array.from(c.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');
}

const includes = (ballot: Ballot, projectId: string) => ballot.selection.some((s) => s.projectId === projectId);

const violation = (code: ViolationCode, limit: number, actual: number, projectId?: string) =>
  new VecheError('rule-violation', `The ballot breaks the voting rules: ${code}`, {
    details: { violations: [{ code, limit, actual, ...(projectId ? { projectId } : {}) }] },
  });

const input = (selection: Ballot['selection'], districtId: string | undefined): BallotInput =>
  districtId ? { selection, districtId } : { selection };

/**
 * Puts a withdrawn ballot back after a failed change. If that fails too, the error says so
 * (`details.ballotWithdrawn`): the resident's earlier vote does not count until they vote again.
 */
async function restore(adapter: VecheAdapter, previous: Ballot, cause: unknown): Promise<never> {
  try {
    await adapter.submitBallot(previous.campaignId, input(previous.selection, previous.districtId), { idempotencyKey: newKey() });
  } catch {
    const e = VecheError.from(cause);
    throw new VecheError(e.code, e.message, { details: { ...e.details, ballotWithdrawn: true }, cause, ...(e.retryAfter ? { retryAfter: e.retryAfter } : {}) });
  }
  throw cause;
}

/**
 * Votes for `project`, starting from the resident's ballot as the server has it now (never from a copy
 * that another button may have changed). Single: a ballot with this one project. Approval: the submitted
 * ballot plus this project. A submitted ballot is withdrawn first (where the campaign allows a new vote)
 * and put back if the new one fails. `key` makes the submission count once however often it is sent.
 */
export async function castVote(adapter: VecheAdapter, campaign: Campaign, project: Project, key: string): Promise<Ballot> {
  const current = await adapter.getBallot(campaign.id);
  const submitted = current?.status === 'submitted' ? current : null;
  if (submitted && includes(submitted, project.id)) return submitted;
  const rules = campaign.votingRules;
  // Single voting, or approval of one project: the new vote replaces the old one.
  const replaces = rules.method === 'single' || rules.maxProjects === 1;
  const base = replaces || !submitted ? [] : submitted.selection;
  if (rules.maxProjects !== undefined && base.length + 1 > rules.maxProjects) {
    throw violation('too-many-projects', rules.maxProjects, base.length + 1);
  }
  let districtId: string | undefined;
  if (rules.districtMode === 'one') {
    districtId = (base.length > 0 ? submitted?.districtId : undefined) ?? project.districtId;
    if (project.districtId && districtId !== project.districtId) throw violation('wrong-district', 0, 0, project.id);
  }
  if (submitted) {
    if (!campaign.allowRevote) throw new VecheError('conflict', 'A ballot is already submitted and this campaign does not allow a new vote');
    await adapter.withdrawBallot(campaign.id, { idempotencyKey: newKey() });
  }
  try {
    return await adapter.submitBallot(campaign.id, input([...base, { projectId: project.id }], districtId), { idempotencyKey: key });
  } catch (e) {
    if (submitted) await restore(adapter, submitted, e);
    throw e;
  }
}

/**
 * Takes `project` off the resident's submitted ballot: single voting withdraws the ballot (it stays as a
 * draft that does not count); approval submits the other projects again, or withdraws when none is left.
 */
export async function withdrawVote(adapter: VecheAdapter, campaign: Campaign, project: Project, key: string): Promise<Ballot | null> {
  const current = await adapter.getBallot(campaign.id);
  if (current?.status !== 'submitted' || !includes(current, project.id)) return current;
  if (!campaign.allowRevote) throw new VecheError('forbidden', 'This campaign does not allow changing a submitted vote');
  const rest = current.selection.filter((s) => s.projectId !== project.id);
  await adapter.withdrawBallot(campaign.id, { idempotencyKey: newKey() });
  if (rest.length === 0) return adapter.getBallot(campaign.id);
  try {
    return await adapter.submitBallot(campaign.id, input(rest, current.districtId), { idempotencyKey: key });
  } catch (e) {
    return restore(adapter, current, e);
  }
}
