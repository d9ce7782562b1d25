import { VecheError } from '@veche/core';
import * as z from 'zod/mini';
import * as audit from '../service/audit.ts';
import * as console_ from '../service/console.ts';
import type { Ctx } from '../service/context.ts';
import * as staff from '../service/staff.ts';
import { requireReady } from '../staff/access.ts';
import type { Actor } from '../staff/roles.ts';
import type { Req, RouteDef } from './route.ts';

const ADMIN = ['administrator'] as const;
const MODERATION = ['administrator', 'moderator'] as const;
const EVERYONE = ['administrator', 'moderator', 'viewer'] as const;

const StaffView = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  role: z.string(),
  totp: z.boolean(),
  mustChangePassword: z.boolean(),
  disabled: z.boolean(),
  lastSignInAt: z.nullable(z.string()),
  createdAt: z.string(),
});
const SignedIn = z.object({ token: z.string(), expiresAt: z.string(), staff: StaffView });

const actor = (r: Req): Actor => r.actor!;
const session = (r: Req): staff.StaffSession => r.staff!;
const ready = (r: Req): staff.StaffSession => {
  requireReady(session(r));
  return session(r);
};
const userAgent = (r: Req) => (typeof r.raw.headers['user-agent'] === 'string' ? r.raw.headers['user-agent'] : undefined);

/** Staff sign-in and accounts, the audit log, and the console's own admin routes. */
export function staffRoutes(ctx: Ctx): RouteDef[] {
  const self = { tag: 'staff' as const, auth: 'staff' as const };
  const admin = { tag: 'admin' as const, auth: 'admin' as const };
  return [
    {
      method: 'POST', url: '/api/staff/sign-in', tag: 'staff', summary: 'Staff sign-in: e-mail, password and, when the second factor is on, the TOTP code (401 with details.totp asks for it)',
      body: staff.SignInBody, response: SignedIn, perMinute: 20, errors: ['unauthorized'],
      handler: (r) => staff.signIn(ctx, r.body, r.ip, userAgent(r)),
    },
    {
      ...self, method: 'GET', url: '/api/staff/me', summary: 'The signed-in staff member (401 when the session ended)', errors: ['unauthorized'],
      handler: async (r) => staff.me(session(r)),
    },
    {
      ...self, method: 'DELETE', url: '/api/staff/session', summary: 'Sign out: this session ends', response: 'none', status: 204,
      handler: (r) => staff.signOut(ctx, session(r), r.ip),
    },
    {
      ...self, method: 'DELETE', url: '/api/staff/sessions', summary: 'Sign out everywhere: every session of the signed-in staff member ends, this one too',
      handler: (r) => staff.endSessions(ctx, session(r).staff.id, actor(r)),
    },
    {
      ...self, method: 'PUT', url: '/api/staff/me/password', summary: 'Change the password (required after a one-time password); other sessions end',
      body: staff.PasswordChange, response: StaffView, errors: ['forbidden'],
      handler: (r) => staff.changePassword(ctx, session(r), r.body, r.ip),
    },
    {
      ...self, method: 'POST', url: '/api/staff/me/totp', summary: 'Start setting up the second factor: a new secret and its otpauth:// address (for the QR code)',
      response: z.object({ secret: z.string(), uri: z.string() }),
      handler: (r) => staff.beginTotp(ctx, ready(r)),
    },
    {
      ...self, method: 'POST', url: '/api/staff/me/totp/confirm', summary: 'Turn the second factor on with a first code from the app', body: staff.CodeBody, response: StaffView, errors: ['conflict'],
      handler: (r) => staff.confirmTotp(ctx, ready(r), r.body, r.ip),
    },
    {
      ...self, method: 'POST', url: '/api/staff/me/totp/disable', summary: 'Turn the second factor off with a current code', body: staff.CodeBody, response: StaffView, errors: ['forbidden'],
      handler: (r) => staff.disableTotp(ctx, ready(r), r.body, r.ip),
    },

    { ...admin, roles: ADMIN, method: 'GET', url: '/api/admin/staff', summary: 'Every staff account', response: z.array(StaffView), handler: () => staff.listStaff(ctx) },
    {
      ...admin, roles: ADMIN, audit: false, method: 'POST', url: '/api/admin/staff', summary: 'Add a staff member; without a password a one-time one is made (shown once)',
      body: staff.NewStaff, status: 201, errors: ['conflict'],
      handler: (r) => staff.addStaff(ctx, r.body, actor(r)),
    },
    {
      ...admin, roles: ADMIN, audit: false, method: 'PUT', url: '/api/admin/staff/:staffId', summary: 'Change name, role or disable an account (its sessions end)',
      body: staff.StaffChange, response: StaffView, errors: ['not-found', 'conflict'],
      handler: (r) => staff.updateStaff(ctx, r.params['staffId']!, r.body, actor(r)),
    },
    {
      ...admin, roles: ADMIN, audit: false, method: 'POST', url: '/api/admin/staff/:staffId/password-reset', summary: 'A new one-time password (shown once); the account signs out everywhere',
      response: z.object({ password: z.string() }), errors: ['not-found'],
      handler: (r) => staff.resetPassword(ctx, r.params['staffId']!, actor(r)),
    },
    {
      ...admin, roles: ADMIN, audit: false, method: 'POST', url: '/api/admin/staff/:staffId/totp-reset', summary: 'Turn off the second factor of an account (a lost phone)',
      response: StaffView, errors: ['not-found'],
      handler: (r) => staff.resetTotp(ctx, r.params['staffId']!, actor(r)),
    },
    {
      ...admin, roles: ADMIN, audit: false, method: 'DELETE', url: '/api/admin/staff/:staffId/sessions', summary: 'Sign a staff member out everywhere',
      handler: (r) => staff.endSessions(ctx, r.params['staffId']!, actor(r)),
    },

    {
      ...admin, roles: ADMIN, method: 'GET', url: '/api/admin/audit', summary: 'The audit log, newest first: who did what, when, before and after',
      query: [
        { name: 'campaign', description: 'Only this campaign', schema: { type: 'string' } },
        { name: 'actor', description: 'A staff id, or words of the name or e-mail', schema: { type: 'string' } },
        { name: 'action', description: 'Actions starting with this (e.g. idea.)', schema: { type: 'string' } },
        { name: 'targetType', description: 'campaign, project, staff …', schema: { type: 'string' } },
        { name: 'target', description: 'The id of what was acted on', schema: { type: 'string' } },
        { name: 'since', description: 'From this ISO time', schema: { type: 'string' } },
        { name: 'until', description: 'Before this ISO time', schema: { type: 'string' } },
        { name: 'cursor', description: 'nextCursor of the previous page', schema: { type: 'string' } },
        { name: 'limit', description: 'Entries a page (100, at most 1000)', schema: { type: 'integer' } },
      ],
      handler: (r) => audit.listAudit(ctx, r.query),
    },
    {
      ...admin, roles: ADMIN, audit: 'audit.export', method: 'GET', url: '/api/admin/audit.csv', summary: 'The audit log as CSV (the same filters)', response: 'text',
      handler: async (r) => {
        r.reply.header('content-type', 'text/csv; charset=utf-8').header('content-disposition', 'attachment; filename="veche-audit.csv"');
        return audit.auditCsv(ctx, r.query);
      },
    },

    {
      ...admin, roles: ADMIN, audit: false, method: 'POST', url: '/api/admin/campaigns', summary: 'Create a campaign (409 when the id is taken)', body: console_.NewCampaign, status: 201, errors: ['conflict'],
      handler: (r) => console_.createCampaign(ctx, r.body, actor(r)),
    },
    {
      ...admin, roles: EVERYONE, method: 'GET', url: '/api/admin/campaigns/:campaignId', summary: 'A campaign with its embed origins, whether its rules are locked, its phase and counts', errors: ['not-found'],
      handler: (r) => console_.campaignDetail(ctx, r.params['campaignId']!),
    },
    {
      ...admin, roles: EVERYONE, method: 'GET', url: '/api/admin/campaigns/:campaignId/projects', summary: 'Every project in any status with supporters and the author, filtered',
      query: [
        { name: 'status', description: 'Statuses, comma-separated', schema: { type: 'string' } },
        { name: 'district', description: 'A district id', schema: { type: 'string' } },
        { name: 'category', description: 'A category id', schema: { type: 'string' } },
        { name: 'q', description: 'Words of the title, summary, description or address', schema: { type: 'string' } },
      ],
      errors: ['not-found'],
      handler: (r) => console_.listProjects(ctx, r.params['campaignId']!, r.query),
    },
    {
      ...admin, roles: MODERATION, audit: false, method: 'POST', url: '/api/admin/ideas/:projectId/decision', summary: 'Publish, reject … an idea with a reason, told to the author when asked',
      body: console_.Decision, errors: ['not-found', 'conflict'],
      handler: (r) => console_.decide(ctx, r.params['projectId']!, r.body, actor(r)),
    },
    {
      ...admin, roles: MODERATION, audit: false, method: 'POST', url: '/api/admin/campaigns/:campaignId/ideas/bulk', summary: 'One decision for many ideas (each its own audit entry)',
      body: console_.BulkDecision, errors: ['not-found'],
      handler: (r) => console_.bulkDecide(ctx, r.params['campaignId']!, r.body, actor(r)),
    },
    {
      ...admin, roles: MODERATION, audit: false, method: 'POST', url: '/api/admin/projects/:projectId/merge', summary: 'Merge a duplicate into another project: supporters move over, the duplicate is rejected',
      body: console_.MergeBody, errors: ['not-found'],
      handler: (r) => console_.mergeProjects(ctx, r.params['projectId']!, r.body, actor(r)),
    },
    {
      ...admin, roles: MODERATION, method: 'GET', url: '/api/admin/projects/:projectId/history', summary: "A project's audit entries: every edit and decision with before and after",
      handler: (r) => console_.projectHistory(ctx, r.params['projectId']!),
    },
    {
      ...admin, roles: EVERYONE, method: 'GET', url: '/api/admin/campaigns/:campaignId/results', summary: 'The results at any time (preliminary until published), with titles', errors: ['not-found'],
      handler: (r) => console_.resultsPreview(ctx, r.params['campaignId']!),
    },
    {
      ...admin, roles: ADMIN, audit: false, method: 'POST', url: '/api/admin/campaigns/:campaignId/results/publish', summary: 'Publish the results: the campaign moves to its results phase now',
      errors: ['not-found', 'conflict'],
      handler: (r) => console_.publishResults(ctx, r.params['campaignId']!, actor(r)),
    },
    {
      ...admin, roles: EVERYONE, method: 'GET', url: '/api/admin/campaigns/:campaignId/codes/stats', summary: 'Voting codes issued and used, by batch and district', errors: ['not-found'],
      handler: (r) => console_.codeStats(ctx, r.params['campaignId']!),
    },
    {
      ...admin, roles: ADMIN, audit: 'upload.photo', method: 'POST', url: '/api/admin/campaigns/:campaignId/uploads', summary: 'Upload a photo for a project or milestone (multipart field "file")',
      body: 'multipart', status: 201, errors: ['not-found'],
      handler: async (r) => {
        const file = await r.raw.file({ limits: { fileSize: 10_000_001, files: 1, fields: 5, parts: 6 } });
        if (!file || file.fieldname !== 'file') throw new VecheError('invalid-input', 'Send the photo in a multipart field named "file"');
        const bytes = await file.toBuffer();
        if (file.file.truncated) throw new VecheError('invalid-input', 'The photo is too large', { status: 413 });
        return console_.uploadStaffImage(ctx, r.params['campaignId']!, bytes, file.mimetype || undefined, r.origin);
      },
    },
  ];
}
