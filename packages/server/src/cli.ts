// The `veche-server` command: serve the API, and the operators' tasks on the same database.
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { VecheError } from '@veche/core';
import { demoFixture } from '@veche/core/memory';
import { createServer } from './app.ts';
import { ConfigError, loadConfig } from './config.ts';
import { openDatabase } from './db/open.ts';
import { importPabulib, issueCodes, listIdeas, moderate, movePhase, putCampaign, putHostKey, putProject, seedFixture } from './service/admin.ts';
import { createContext } from './service/context.ts';
import { exportCsv, exportPabulib } from './service/results.ts';
import { staffCommand } from './staff/cli.ts';
import { checkoutMounts } from './static.ts';
import { REPORTING_OPTIONS, REPORTING_USAGE, ReportingUsageError, runReporting } from './cli-reporting.ts';

const USAGE = `Usage: veche-server <command> [options]

  serve                                           start the API (and the demo pages when present)
  create-campaign FILE                            a campaign from JSON: a Campaign, or {campaign, embedOrigins?, projects?}
  import-pabulib FILE --campaign ID [--phase ideas|support|voting|results] [--no-votes] [--prefix P]
                                                  a campaign from a Pabulib .pb file; prints the campaign id
  phase ID ideas|support|review|voting|results|implementation
                                                  move a campaign to a phase
  codes ID --count N [--district D]               print N fresh voting codes, one a line
  export ID --format pb|csv                       results and ballots to stdout
  moderate ID                                     list the ideas waiting for moderation
  moderate ID PROJECT STATUS [--note TEXT]        publish, reject (with a note), shortlist … a project
  host-key ISSUER (--secret S | --public-key PEM-FILE --alg ES256) [--audience A]
                                                  trust tokens a host site signs for its residents
  seed-demo                                       add the demo campaign (id demo) if it is not there
  staff add --email E --name N --role administrator|moderator|viewer [--password-stdin]
                                                  add a staff member of the console at /admin; prints a
                                                  one-time password unless one is read from stdin
  staff list | staff reset-password EMAIL | staff sign-out EMAIL | staff totp-off EMAIL
${REPORTING_USAGE}

Environment: PORT (8080), HOST (127.0.0.1), DATA_DIR (./data), DATABASE_URL (PostgreSQL when set),
ADMIN_TOKEN (admin API off when unset), CORS_ORIGINS (comma-separated origins).`;

export async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      campaign: { type: 'string' },
      phase: { type: 'string' },
      'no-votes': { type: 'boolean' },
      prefix: { type: 'string' },
      count: { type: 'string' },
      district: { type: 'string' },
      format: { type: 'string' },
      note: { type: 'string' },
      secret: { type: 'string' },
      'public-key': { type: 'string' },
      alg: { type: 'string' },
      audience: { type: 'string' },
      email: { type: 'string' },
      name: { type: 'string' },
      role: { type: 'string' },
      'password-stdin': { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
      ...REPORTING_OPTIONS,
    },
  });
  const [command, ...args] = positionals;
  if (!command || values.help) {
    console.log(USAGE);
    return command || values.help ? 0 : 2;
  }
  const config = loadConfig();
  if (command === 'serve') return serve(config);

  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  const ctx = createContext(database);
  const need = (value: string | undefined, what: string): string => {
    if (!value) throw new UsageError(`${command}: ${what} is missing`);
    return value;
  };
  try {
    switch (command) {
      case 'create-campaign': {
        const doc = JSON.parse(readFileSync(need(args[0], 'FILE'), 'utf8')) as { campaign?: unknown; embedOrigins?: string[]; projects?: unknown[] };
        const campaign = await putCampaign(ctx, doc.campaign ?? doc, doc.embedOrigins);
        for (const project of doc.projects ?? []) await putProject(ctx, { ...(project as object), campaignId: campaign.id });
        console.log(campaign.id);
        return 0;
      }
      case 'import-pabulib': {
        const file = need(args[0], 'FILE');
        const phase = values.phase;
        if (phase !== undefined && !['ideas', 'support', 'voting', 'results'].includes(phase)) throw new UsageError('--phase must be ideas, support, voting or results');
        const started = performance.now();
        const done = await importPabulib(ctx, readFileSync(file, 'utf8'), {
          campaignId: need(values.campaign, '--campaign ID'),
          ...(phase ? { phase: phase as 'results' } : {}),
          votes: !values['no-votes'],
          ...(values.prefix ? { prefix: values.prefix } : {}),
        });
        console.error(`Imported ${done.projects} projects and ${done.ballots} ballots in ${((performance.now() - started) / 1000).toFixed(1)} s`);
        console.log(done.campaignId);
        return 0;
      }
      case 'phase': {
        const campaign = await movePhase(ctx, need(args[0], 'ID'), need(args[1], 'PHASE'));
        for (const p of campaign.phases) console.log(`${p.id.padEnd(15)} ${p.start} – ${p.end}`);
        return 0;
      }
      case 'codes': {
        const count = Number(need(values.count, '--count N'));
        const codes = await issueCodes(ctx, need(args[0], 'ID'), count, values.district);
        process.stdout.write(`${codes.join('\n')}\n`);
        return 0;
      }
      case 'export': {
        const format = values.format ?? 'pb';
        if (format !== 'pb' && format !== 'csv') throw new UsageError('--format must be pb or csv');
        const id = need(args[0], 'ID');
        process.stdout.write(format === 'csv' ? await exportCsv(ctx, id) : await exportPabulib(ctx, id, true));
        return 0;
      }
      case 'moderate': {
        const id = need(args[0], 'ID');
        if (args[1] === undefined) {
          for (const idea of await listIdeas(ctx, id)) {
            const author = idea.author as { name?: string; email?: string; phone?: string };
            console.log(`${idea.project.id}\t${idea.submittedAt}\t${idea.project.title}\t${[author.name, author.email, author.phone].filter(Boolean).join(', ')}`);
          }
          return 0;
        }
        const project = await moderate(ctx, args[1], { status: need(args[2], 'STATUS'), ...(values.note !== undefined ? { statusNote: values.note } : {}) });
        console.log(`${project.id}: ${project.status}`);
        return 0;
      }
      case 'host-key': {
        const key = values.secret ?? (values['public-key'] ? readFileSync(values['public-key'], 'utf8') : undefined);
        const saved = await putHostKey(ctx, {
          issuer: need(args[0], 'ISSUER'),
          algorithm: values.alg ?? (values.secret ? 'HS256' : 'ES256'),
          key: need(key, '--secret or --public-key'),
          ...(values.audience ? { audience: values.audience } : {}),
        });
        console.log(`${saved.issuer} (${saved.algorithm})`);
        return 0;
      }
      case 'participation':
      case 'update':
        return await runReporting(ctx, command, args, values);
      case 'staff':
        return await staffCommand(ctx, args, values, (what): never => {
          throw new UsageError(`staff: ${what} is missing`);
        });
      case 'seed-demo':
        console.log((await seedFixture(ctx, demoFixture())) ? 'demo added' : 'demo is already there');
        return 0;
      default:
        throw new UsageError(`Unknown command "${command}"`);
    }
  } finally {
    await database.close();
  }
}

class UsageError extends Error {}

async function serve(config: ReturnType<typeof loadConfig>): Promise<number> {
  const server = await createServer({ config, logger: true, static: checkoutMounts() });
  const stop = async () => {
    await server.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop());
  process.once('SIGTERM', () => void stop());
  await server.app.listen({ port: config.port, host: config.host });
  return 0;
}

/** Runs the CLI and exits with its status; errors print one clear line. */
export async function run(argv: string[]): Promise<void> {
  try {
    const status = await main(argv);
    if (status !== 0 || argv[0] !== 'serve') process.exitCode = status;
  } catch (error) {
    if (error instanceof UsageError || error instanceof ReportingUsageError) console.error(`${error.message}\n\n${USAGE}`);
    else if (error instanceof VecheError || error instanceof ConfigError) console.error(`veche-server: ${error.message}`);
    else if (error instanceof SyntaxError || (error as NodeJS.ErrnoException).code === 'ENOENT') console.error(`veche-server: ${(error as Error).message}`);
    else console.error(error);
    process.exitCode = error instanceof UsageError || error instanceof ReportingUsageError ? 2 : 1;
  }
}
