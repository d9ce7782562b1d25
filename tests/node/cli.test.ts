// `npx veche-server …` against SQLite and PostgreSQL, and Pabulib import/export of the real files.
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { computeResults, parsePabulib, selectionFromPabulibVote } from '@veche/core';
import { demoFixture } from '@veche/core/memory';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useCli } from './support/cli.ts';
import { ENGINES } from './support/databases.ts';
import { call } from './support/http.ts';
import { type TestServer, startServer } from './support/server.ts';

const PABULIB = fileURLToPath(new URL('../../fixtures/pabulib/', import.meta.url));
const SMALL = readdirSync(PABULIB).filter((f) => f.endsWith('.pb') && !f.includes('Lodz')).sort();

describe.each(ENGINES)('veche-server CLI on %s', (engine) => {
  const suite = useCli(engine);
  const { cli } = suite;

  it('imports a Pabulib file with its ballots, exports the same votes and winners, and refuses taken ids', async () => {
    const file = join(PABULIB, 'Poland_Warszawa_2019_Nadwisle.pb');
    const imported = await cli('import-pabulib', file, '--campaign', 'nadwisle', '--phase', 'results');
    expect(imported.code, imported.stderr).toBe(0);
    expect(imported.stdout.trim()).toBe('nadwisle');
    const source = parsePabulib(readFileSync(file, 'utf8'));
    const exported = await cli('export', 'nadwisle', '--format', 'pb');
    const round = parsePabulib(exported.stdout);
    expect(round.votes).toHaveLength(source.votes.length);
    expect(round.projects.map((p) => p.id).sort()).toEqual(source.projects.map((p) => p.id).sort());
    const expected = computeResults({
      budget: Number(source.meta['budget']),
      projects: source.projects,
      ballots: source.votes.map((v) => ({ voterId: v.voterId, selection: selectionFromPabulibVote(v, source.meta['vote_type']) })),
    });
    expect(round.projects.filter((p) => p.selected).map((p) => p.id).sort()).toEqual(expected.projects.filter((p) => p.selected).map((p) => p.id).sort());

    const again = await cli('import-pabulib', file, '--campaign', 'nadwisle-2');
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/already belong to another campaign; import with --prefix/);
    const prefixed = await cli('import-pabulib', file, '--campaign', 'nadwisle-2', '--prefix', 'n2-', '--no-votes', '--phase', 'voting');
    expect(prefixed.code, prefixed.stderr).toBe(0);
    const csv = await cli('export', 'nadwisle-2', '--format', 'csv');
    expect(csv.stdout.split('\n').filter((l) => l.startsWith('ballot,'))).toEqual([]);
    expect(csv.stdout).toMatch(/^section,project_id/);
  });

  it('creates a campaign from JSON, moves phases, issues codes and moderates', async () => {
    const fixture = demoFixture(new Date());
    const doc = { campaign: { ...fixture.campaign, id: 'from-file' }, embedOrigins: ['https://city.example'], projects: fixture.projects.slice(0, 8).map((p) => ({ ...p, id: `f-${p.id}` })) };
    writeFileSync(join(suite.dir, 'campaign.json'), JSON.stringify(doc));
    const created = await cli('create-campaign', join(suite.dir, 'campaign.json'));
    expect(created.code, created.stderr).toBe(0);
    expect(created.stdout.trim()).toBe('from-file');

    const phase = await cli('phase', 'from-file', 'ideas');
    expect(phase.code, phase.stderr).toBe(0);
    expect(phase.stdout).toMatch(/^ideas/m);
    const codes = await cli('codes', 'from-file', '--count', '25');
    const lines = codes.stdout.trim().split('\n');
    expect(lines).toHaveLength(25);
    expect(new Set(lines).size).toBe(25);
    expect(lines.every((l) => /^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$/.test(l))).toBe(true);

    const queue = await cli('moderate', 'from-file');
    expect(queue.stdout).toContain('f-demo-7');
    const rejected = await cli('moderate', 'from-file', 'f-demo-7', 'rejected', '--note', 'Дублирует проект f-demo-3');
    expect(rejected.stdout.trim()).toBe('f-demo-7: rejected');

    expect((await cli('phase', 'from-file', 'elections')).code).toBe(1);
    expect((await cli('codes', 'nowhere', '--count', '1')).stderr).toMatch(/There is no campaign nowhere/);
    expect((await cli('dance')).code).toBe(2);
    expect((await cli('--help')).stdout).toMatch(/import-pabulib FILE --campaign ID/);
  });
});

describe.each(ENGINES)('Pabulib files through the server on %s', (engine) => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startServer(engine, { seed: false });
  });
  afterAll(() => s.close());

  it.each(SMALL)('%s: imported results are computeResults of its votes', async (name) => {
    const text = readFileSync(join(PABULIB, name), 'utf8');
    const source = parsePabulib(text);
    const id = name.replace(/\.pb$/, '').toLowerCase().replace(/_/g, '-');
    const done = await call(s.server, 'POST', `/api/admin/campaigns/${id}/import-pabulib?prefix=${id}-`, text, {
      'content-type': 'text/plain',
      authorization: 'Bearer test-admin-token-0123456789',
    });
    expect(done.status, done.text).toBe(200);
    const results = (await call(s.server, 'GET', `/api/campaigns/${id}/results`)).body as { turnout: number; projects: { id: string; votes: number; selected: boolean }[] };
    const expected = computeResults({
      budget: Number(source.meta['budget']),
      projects: source.projects.map((p) => ({ ...p, id: `${id}-${p.id}` })),
      ballots: source.votes.map((v) => ({ voterId: v.voterId, selection: selectionFromPabulibVote(v, source.meta['vote_type']).map((x) => ({ ...x, projectId: `${id}-${x.projectId}` })) })),
    });
    expect(results.turnout).toBe(source.votes.length);
    expect(results.projects.map((p) => [p.id, p.votes, p.selected])).toEqual(expected.projects.map((p) => [p.id, p.votes, p.selected]));
    const campaign = (await call(s.server, 'GET', `/api/campaigns/${id}`)).body as { votingRules: { method: string } };
    expect(['approval', 'knapsack', 'cumulative', 'single']).toContain(campaign.votingRules.method);
  });
});
