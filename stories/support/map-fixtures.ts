import { PUBLIC_PROJECT_STATUSES, seededRandom, type Project, type ProjectInput, type VecheAdapter } from '@veche/core';
import { MemoryAdapter, demoFixture, type MemoryFixture } from '@veche/core/memory';
import { patched } from './results-fixtures.ts';

/**
 * The demo campaign with `count` generated projects instead of its own fifteen: spread over the town's
 * three districts (a few outside them), every category and public status, one in fifty without a place.
 * The same seed gives the same projects (map stories, tests and the benchmark).
 */
export function manyProjects(count: number, now: Date = new Date(), seed = 7): MemoryFixture {
  const fixture = demoFixture(now);
  const random = seededRandom(seed);
  const categories = (fixture.campaign.categories ?? []).map((c) => c.id);
  const districts = (fixture.campaign.districts ?? []).map((d) => d.id);
  const created = now.getTime() - 100 * 86_400_000;
  fixture.projects = Array.from({ length: count }, (_, i): ProjectInput => {
    // The demo town spans about 53.66–53.74 N, 91.655–91.735 E.
    const lat = 53.662 + random() * 0.078;
    const lng = 91.655 + random() * 0.08;
    return {
      id: `many-${i + 1}`,
      campaignId: fixture.campaign.id,
      title: `Проект № ${i + 1}`,
      cost: 100_000 + Math.round(random() * 40) * 50_000,
      status: PUBLIC_PROJECT_STATUSES[i % PUBLIC_PROJECT_STATUSES.length]!,
      categoryIds: [categories[i % categories.length]!],
      districtId: districts[i % districts.length]!,
      ...(i % 50 === 49 ? {} : { location: { lat: Math.round(lat * 1e5) / 1e5, lng: Math.round(lng * 1e5) / 1e5 } }),
      createdAt: new Date(created + i * 60_000).toISOString(),
    };
  });
  fixture.supporters = {};
  fixture.ballots = [];
  return fixture;
}

/**
 * `base` (a MemoryAdapter of the same campaign) whose `listProjects` pages through `projects` directly
 * (and `getProject` finds them),
 * with the status, category and district filters: MemoryAdapter presents every matching project on each
 * page, which takes seconds for 10,000 of them.
 */
export function pagedProjects(base: VecheAdapter, projects: readonly Project[]): VecheAdapter {
  const listProjects: VecheAdapter['listProjects'] = async (_campaignId, query = {}) => {
    const list = (v: string | string[] | undefined) => (v === undefined ? undefined : ([] as string[]).concat(v));
    const [status, category, district] = [list(query.status), list(query.category), list(query.district)];
    const matching = projects.filter(
      (p) =>
        (!status || status.includes(p.status)) &&
        (!category || p.categoryIds.some((c) => category.includes(c))) &&
        (!district || (p.districtId !== undefined && district.includes(p.districtId))),
    );
    const offset = query.cursor ? Number.parseInt(query.cursor, 36) : 0;
    const next = offset + (query.limit ?? 20);
    return { items: matching.slice(offset, next), nextCursor: next < matching.length ? next.toString(36) : null };
  };
  const byId = new Map(projects.map((p) => [p.id, p]));
  const getProject: VecheAdapter['getProject'] = async (id, options) => structuredClone(byId.get(id)) ?? base.getProject(id, options);
  return patched(base, { listProjects, getProject });
}

/** An adapter of the demo campaign with `count` generated projects, quick to page through. */
export function manyProjectsAdapter(count: number, now: Date = new Date()): VecheAdapter {
  const fixture = manyProjects(count, now);
  const projects = fixture.projects.map((p) => ({ coFunding: [], milestones: [], images: [], ...p }) as Project);
  return pagedProjects(new MemoryAdapter({ fixtures: [{ ...fixture, projects: fixture.projects.slice(0, 1) }], now: () => now }), projects);
}
