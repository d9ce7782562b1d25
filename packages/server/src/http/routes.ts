import {
  Ballot,
  BallotInput,
  Campaign,
  CodeRequestReceipt,
  IdeaInput,
  IdeaReceipt,
  Identity,
  Project,
  ProjectPage,
  Results,
  Session as SessionBody,
  SupportState,
  UploadedImage,
  VecheError,
  parseWith,
} from '@veche/core';
import * as z from 'zod/mini';
import * as auth from '../service/auth.ts';
import * as ballots from '../service/ballots.ts';
import { type Ctx, cached } from '../service/context.ts';
import * as projects from '../service/projects.ts';
import * as results from '../service/results.ts';
import type { QueryParam, Req, RouteDef } from './route.ts';

const VotingCodeBody = z.object({ code: z.string().check(z.trim(), z.minLength(4), z.maxLength(64)) });
const CodeRequestBody = z.object({ contact: z.string().check(z.trim(), z.minLength(3), z.maxLength(254)) });
const CodeVerifyBody = z.object({ contact: z.string().check(z.trim(), z.minLength(3), z.maxLength(254)), code: z.string().check(z.trim(), z.minLength(4), z.maxLength(12)) });
const HostTokenBody = z.object({ token: z.string().check(z.minLength(10), z.maxLength(4096)) });
export const LiveSnapshot = z.object({ turnout: z.int(), supports: z.record(z.string(), z.int()) });

const listOf = (name: string, description: string): QueryParam => ({
  name,
  description: `${description}; repeat the parameter or separate values with commas`,
  schema: { type: 'string' },
});

const PROJECT_QUERY: QueryParam[] = [
  listOf('status', 'Project statuses (every public status when absent)'),
  listOf('category', 'Category ids'),
  listOf('district', 'District ids'),
  { name: 'q', description: 'Words to find in the title, summary, description or address', schema: { type: 'string', maxLength: 200 } },
  { name: 'sort', description: 'Order', schema: { type: 'string', enum: ['newest', 'supported', 'cost-asc', 'cost-desc', 'random', 'title'] } },
  { name: 'seed', description: 'Seed of the random order', schema: { type: 'integer', minimum: 0 } },
  { name: 'cursor', description: 'The nextCursor of the previous page', schema: { type: 'string' } },
  { name: 'limit', description: 'Projects a page (20)', schema: { type: 'integer', minimum: 1, maximum: 100 } },
];

/** The project query from a query string: lists repeated or comma-separated, numbers as numbers. */
export function projectQuery(query: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(query)) {
    if (key === 'status' || key === 'category' || key === 'district') {
      const list = (Array.isArray(value) ? value : [value]).flatMap((v) => String(v).split(',')).map((v) => v.trim()).filter(Boolean);
      out[key] = list.length === 1 ? list[0] : list;
    } else if (key === 'limit' || key === 'seed') {
      out[key] = typeof value === 'string' && /^\d{1,10}$/.test(value) ? Number(value) : value;
    } else out[key] = value;
  }
  return out;
}

export function publicRoutes(ctx: Ctx): RouteDef[] {
  /** A public answer every visitor shares, serialised once for `liveCacheMs`. */
  const json = async (r: Req, key: string, make: () => Promise<unknown>) => {
    const text = await cached(ctx, key, async () => JSON.stringify(await make()));
    r.reply.type('application/json; charset=utf-8');
    return text;
  };
  const signedIn = async (result: Promise<auth.SignedIn>) => parseWith(SessionBody, await result, 'session');
  return [
    {
      method: 'GET', url: '/api/campaigns/:campaignId', tag: 'campaigns', summary: 'A campaign: phases, budget, districts, rules, consent texts',
      response: Campaign, errors: ['not-found'],
      handler: (r) => json(r, `campaign-json:${r.params['campaignId']!}`, () => projects.getCampaign(ctx, r.params['campaignId']!)),
    },
    {
      method: 'GET', url: '/api/campaigns/:campaignId/projects', tag: 'campaigns', summary: 'Public projects, filtered, sorted, a page at a time',
      query: PROJECT_QUERY, response: ProjectPage, errors: ['not-found'],
      handler: (r) => {
        const id = r.params['campaignId']!;
        return json(r, `list:${id}:${r.raw.url.split('?')[1] ?? ''}`, () => projects.listProjects(ctx, id, projectQuery(r.query)));
      },
    },
    {
      method: 'GET', url: '/api/projects/:projectId', tag: 'campaigns', summary: 'A public project with live support (and votes once visible)',
      response: Project, errors: ['not-found'],
      handler: (r) => projects.getProject(ctx, r.params['projectId']!),
    },
    {
      method: 'GET', url: '/api/campaigns/:campaignId/live', tag: 'campaigns', summary: 'Support counts and turnout, for live updates (poll it)',
      response: LiveSnapshot, errors: ['not-found'],
      handler: (r) => projects.liveSnapshot(ctx, r.params['campaignId']!),
    },
    {
      method: 'POST', url: '/api/campaigns/:campaignId/ideas', tag: 'ideas', summary: 'Submit an idea to moderation (202)', auth: 'resident',
      body: IdeaInput, response: IdeaReceipt, status: 202, idempotent: true, perMinute: 20, errors: ['not-found', 'phase-closed', 'unauthorized', 'forbidden'],
      handler: (r) => projects.submitIdea(ctx, r.params['campaignId']!, r.body, r),
    },
    {
      method: 'POST', url: '/api/campaigns/:campaignId/uploads', tag: 'ideas', summary: 'Upload a photo for an idea (multipart field "file"; JPEG, PNG or WebP)', auth: 'resident',
      body: 'multipart', response: UploadedImage, status: 201, perMinute: 30, errors: ['not-found', 'phase-closed', 'unauthorized', 'forbidden'],
      handler: async (r) => {
        const file = await r.raw.file({ limits: { fileSize: 20_000_001, files: 1, fields: 5, parts: 6 } });
        if (!file || file.fieldname !== 'file') throw new VecheError('invalid-input', 'Send the photo in a multipart field named "file"');
        const bytes = await file.toBuffer();
        if (file.file.truncated) throw new VecheError('invalid-input', 'The photo is too large', { status: 413 });
        return projects.uploadImage(ctx, r.params['campaignId']!, { bytes, type: file.mimetype || undefined }, r, r.origin);
      },
    },
    {
      method: 'GET', url: '/api/uploads/:file', tag: 'ideas', summary: 'An uploaded photo', response: 'image', errors: ['not-found'],
      handler: async (r) => {
        const found = await projects.readUpload(ctx, r.params['file']!);
        if (!found) throw new VecheError('not-found', 'There is no such photo');
        r.reply.header('content-type', found.type).header('cache-control', 'public, max-age=31536000, immutable');
        return Buffer.from(found.bytes);
      },
    },
    {
      method: 'GET', url: '/api/projects/:projectId/support', tag: 'support', summary: "The resident's support of a project and the count", auth: 'resident',
      response: SupportState, errors: ['not-found', 'unauthorized'],
      handler: (r) => projects.getSupport(ctx, r.params['projectId']!, r.session),
    },
    {
      method: 'POST', url: '/api/projects/:projectId/support', tag: 'support', summary: 'Support a project (repeating changes nothing)', auth: 'resident',
      response: SupportState, idempotent: true, errors: ['not-found', 'phase-closed', 'unauthorized', 'forbidden'],
      handler: (r) => projects.setSupport(ctx, r.params['projectId']!, 'supported', r.session),
    },
    {
      method: 'DELETE', url: '/api/projects/:projectId/support', tag: 'support', summary: 'Withdraw the support', auth: 'resident',
      response: SupportState, idempotent: true, errors: ['not-found', 'phase-closed', 'unauthorized', 'forbidden'],
      handler: (r) => projects.setSupport(ctx, r.params['projectId']!, 'withdrawn', r.session),
    },
    {
      method: 'GET', url: '/api/campaigns/:campaignId/ballot', tag: 'ballot', summary: "The resident's ballot, draft or submitted (null when none)", auth: 'resident',
      response: z.nullable(Ballot), errors: ['not-found', 'unauthorized', 'forbidden'],
      handler: (r) => ballots.getBallot(ctx, r.params['campaignId']!, r.session),
    },
    {
      method: 'PUT', url: '/api/campaigns/:campaignId/ballot', tag: 'ballot', summary: 'Save a draft ballot (rules are not checked yet)', auth: 'resident',
      body: BallotInput, response: Ballot, errors: ['not-found', 'phase-closed', 'unauthorized', 'forbidden', 'conflict'],
      handler: (r) => ballots.saveBallot(ctx, r.params['campaignId']!, r.body, r.session),
    },
    {
      method: 'POST', url: '/api/campaigns/:campaignId/ballot/submit', tag: 'ballot', auth: 'resident',
      summary: 'Submit the ballot: every rule is checked (422 lists every violation); a second submit is 409 unless it repeats the Idempotency-Key',
      body: BallotInput, response: Ballot, idempotent: true, errors: ['not-found', 'phase-closed', 'unauthorized', 'forbidden', 'conflict', 'rule-violation'],
      handler: (r) => ballots.submitBallot(ctx, r.params['campaignId']!, r.body, r.session, r.idempotencyKey),
    },
    {
      method: 'DELETE', url: '/api/campaigns/:campaignId/ballot', tag: 'ballot', summary: 'Withdraw a submitted ballot while voting is open (it becomes a draft)', auth: 'resident',
      response: 'none', status: 204, errors: ['not-found', 'phase-closed', 'unauthorized', 'forbidden'],
      handler: async (r) => ballots.withdrawBallot(ctx, r.params['campaignId']!, r.session),
    },
    {
      method: 'GET', url: '/api/campaigns/:campaignId/results', tag: 'results', summary: 'Results, once the campaign publishes them',
      response: Results, errors: ['not-found', 'phase-closed'],
      handler: (r) => results.getResults(ctx, r.params['campaignId']!),
    },
    {
      method: 'GET', url: '/api/campaigns/:campaignId/export.pb', tag: 'results', summary: 'The anonymous ballots and the winners as a Pabulib file',
      response: 'text', errors: ['not-found', 'phase-closed'],
      handler: async (r) => {
        const text = await results.exportPabulib(ctx, r.params['campaignId']!);
        r.reply.header('content-type', 'text/plain; charset=utf-8').header('content-disposition', `attachment; filename="${r.params['campaignId']!.replace(/[^\w.-]/g, '_')}.pb"`);
        return text;
      },
    },
    {
      method: 'POST', url: '/api/auth/voting-code', tag: 'auth', summary: 'Sign in with a printed voting code (single use)',
      body: VotingCodeBody, response: SessionBody, perMinute: 30, errors: ['unauthorized'],
      handler: (r) => signedIn(auth.signInWithVotingCode(ctx, parseWith(VotingCodeBody, r.body, 'sign-in request').code, r.ip)),
    },
    {
      method: 'POST', url: '/api/auth/code/request', tag: 'auth', summary: 'Send a one-time code to an e-mail address or phone number',
      body: CodeRequestBody, response: CodeRequestReceipt, perMinute: 10,
      handler: (r) => auth.requestCode(ctx, parseWith(CodeRequestBody, r.body, 'code request').contact, r.ip),
    },
    {
      method: 'POST', url: '/api/auth/code/verify', tag: 'auth', summary: 'Sign in with the one-time code (5 tries)',
      body: CodeVerifyBody, response: SessionBody, perMinute: 30, errors: ['unauthorized'],
      handler: (r) => {
        const body = parseWith(CodeVerifyBody, r.body, 'sign-in request');
        return signedIn(auth.signInWithCode(ctx, body.contact, body.code));
      },
    },
    {
      method: 'POST', url: '/api/auth/host-token', tag: 'auth', summary: 'Sign in with a token the host site signed for its signed-in user (JWT)',
      body: HostTokenBody, response: SessionBody, perMinute: 30, errors: ['unauthorized'],
      handler: (r) => signedIn(auth.signInWithHostToken(ctx, parseWith(HostTokenBody, r.body, 'sign-in request').token)),
    },
    {
      method: 'DELETE', url: '/api/auth/session', tag: 'auth', summary: 'Sign out: the token stops working', auth: 'resident', response: 'none', status: 204,
      handler: async (r) => auth.signOut(ctx, r.session),
    },
    {
      method: 'GET', url: '/api/me', tag: 'auth', summary: 'The signed-in resident and what they may do in each campaign (401 when signed out)', auth: 'resident',
      query: [{ name: 'campaign', description: 'Only this campaign', schema: { type: 'string' } }], response: Identity, errors: ['unauthorized'],
      handler: async (r) => {
        if (!r.session) throw new VecheError('unauthorized', 'Not signed in');
        const only = typeof r.query['campaign'] === 'string' ? r.query['campaign'] : undefined;
        return auth.identityOf(ctx, r.session, only);
      },
    },
  ];
}
