// `veche-server staff …`: the first administrator, and help for a locked-out one, from the command line.
import { VecheError } from '@veche/core';
import type { Ctx } from '../service/context.ts';
import { addStaff, endSessions, listStaff, resetPassword, resetTotp } from '../service/staff.ts';
import { CLI_ACTOR } from './roles.ts';

const out = (line: string) => void process.stdout.write(`${line}\n`);

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8').split(/\r?\n/)[0] ?? '';
}

async function byEmail(ctx: Ctx, email: string | undefined, missing: (what: string) => never): Promise<string> {
  if (!email) missing('EMAIL');
  const found = (await listStaff(ctx)).find((s) => s.email === email.trim().toLowerCase());
  if (!found) throw new VecheError('not-found', `There is no staff member ${email}`);
  return found.id;
}

export async function staffCommand(
  ctx: Ctx,
  args: string[],
  values: { email?: string | undefined; name?: string | undefined; role?: string | undefined; 'password-stdin'?: boolean | undefined },
  missing: (what: string) => never,
): Promise<number> {
  const [sub, target] = args;
  switch (sub) {
    case 'add': {
      if (!values.email) missing('--email');
      if (!values.name) missing('--name');
      const password = values['password-stdin'] ? await readStdin() : undefined;
      const done = await addStaff(ctx, { email: values.email, name: values.name, role: values.role ?? 'administrator', ...(password !== undefined ? { password } : {}) }, CLI_ACTOR);
      out(`${done.staff.email} (${done.staff.role}) added`);
      if (done.password) out(`One-time password (shown once; it must be changed at the first sign-in at /admin): ${done.password}`);
      return 0;
    }
    case 'list':
      for (const s of await listStaff(ctx)) {
        out(`${s.email}\t${s.name}\t${s.role}${s.disabled ? '\tdisabled' : ''}${s.totp ? '\t2FA' : ''}\t${s.lastSignInAt ?? 'never signed in'}`);
      }
      return 0;
    case 'reset-password': {
      const { password } = await resetPassword(ctx, await byEmail(ctx, target, missing), CLI_ACTOR);
      out(`One-time password (shown once): ${password}`);
      return 0;
    }
    case 'sign-out': {
      const { ended } = await endSessions(ctx, await byEmail(ctx, target, missing), CLI_ACTOR);
      out(`${ended} session(s) ended`);
      return 0;
    }
    case 'totp-off':
      await resetTotp(ctx, await byEmail(ctx, target, missing), CLI_ACTOR);
      out('The second factor is off; set it up again at /admin');
      return 0;
    default:
      return missing('a staff command: add, list, reset-password, sign-out or totp-off');
  }
}
