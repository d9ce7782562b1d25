import type { ProjectInput, ProjectStatus } from '@veche/core';
import { demoFixture, type MemoryFixture } from '@veche/core/memory';

const STATUSES: ProjectStatus[] = ['published', 'shortlisted', 'rejected', 'selected', 'in-progress', 'done', 'not-selected'];
const CATEGORIES = ['green', 'sport', 'culture', 'roads', 'children'];
const DISTRICTS = ['center', 'north', 'riverside'];

export interface ManyProjects {
  /** The campaign's id (`big`). */
  id?: string;
  /** The clock the demo campaign's phases are set around. */
  now?: Date;
  /** The photo's address for two projects in three (`/demo/photos/playground.svg`). */
  photo?: string;
}

/**
 * A campaign with `count` projects for lists and maps: the demo's districts, categories and phases, every
 * status, category and district in turn, costs and support spread out, one project in ten about benches
 * ("Скамейки у реки"), one in three without a photo, one in four without a location or district.
 * Project `n` is `<id>-<n>`, titled `Проект 0000n`, created n hours before `now`.
 */
export function manyProjects(count: number, { id = 'big', now = new Date(), photo = '/demo/photos/playground.svg' }: ManyProjects = {}): MemoryFixture {
  const { campaign } = demoFixture(now);
  const projects: ProjectInput[] = Array.from({ length: count }, (_, i) => {
    const n = i + 1;
    const project: ProjectInput = {
      id: `${id}-${n}`,
      campaignId: id,
      title: `Проект ${String(n).padStart(5, '0')}`,
      summary: n % 10 === 0 ? 'Скамейки у реки' : 'Благоустройство двора',
      cost: 100_000 + ((n * 7919) % 4999) * 1000,
      status: STATUSES[i % STATUSES.length]!,
      categoryIds: [CATEGORIES[i % CATEGORIES.length]!],
      createdAt: new Date(now.getTime() - n * 3_600_000).toISOString(),
    };
    if (n % 4 !== 0) {
      project.districtId = DISTRICTS[i % DISTRICTS.length]!;
      project.location = { lat: 53.7 + (n % 50) / 1000, lng: 91.69 + (n % 30) / 1000, address: `ул. Ленина, ${n}` };
    }
    if (n % 3 !== 0) project.images = [{ url: photo, alt: `Фото проекта ${n}` }];
    return project;
  });
  const supporters = Object.fromEntries(projects.map((p, i) => [p.id, (i * 37) % 1500]));
  return { campaign: { ...campaign, id }, projects, supporters };
}
