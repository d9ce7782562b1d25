import { describe, expect, it } from 'vitest';
import { Campaign, IdeaInput, checkIdea, parseWith } from '../src/index.ts';
import { demoFixture } from '../src/memory/index.ts';

const campaign = parseWith(Campaign, demoFixture(new Date('2026-11-28T12:00:00Z')).campaign, 'campaign');
const good = () =>
  parseWith(
    IdeaInput,
    {
      title: 'Скамейки у реки',
      description: 'Поставить десять скамеек вдоль набережной.',
      districtId: 'riverside',
      categoryIds: ['green'],
      author: { name: 'Иван', email: 'ivan@example.ru' },
      consents: [{ kind: 'personal-data', version: '2026-09', accepted: true }],
    },
    'idea',
  );

describe('checkIdea', () => {
  it('accepts a complete idea', () => expect(checkIdea(campaign, good())).toEqual([]));

  it('names each problem with the campaign', () => {
    const idea = {
      ...good(),
      title: 'x'.repeat(121),
      districtId: 'moon',
      categoryIds: ['green', 'casino'],
      cost: 7_000_000,
      images: Array.from({ length: 6 }, (_, i) => ({ url: `/u/${i}.jpg`, alt: '' })),
      consents: [],
      author: {},
    };
    expect(checkIdea(campaign, idea).map((i) => [i.field, i.code])).toEqual([
      ['title', 'too-long'],
      ['images', 'too-many'],
      ['districtId', 'unknown-district'],
      ['categoryIds[1]', 'unknown-category'],
      ['cost', 'over-budget'],
      ['consents.personal-data', 'consent-required'],
      ['author.contact', 'contact-required'],
    ]);
  });

  it('refuses consent given to an older text, and a refused consent', () => {
    const old = { ...good(), consents: [{ kind: 'personal-data' as const, version: '2025-01', accepted: true }] };
    expect(checkIdea(campaign, old)[0]).toMatchObject({ field: 'consents.personal-data', code: 'consent-outdated' });
    const refused = { ...good(), consents: [{ kind: 'personal-data' as const, version: '2026-09', accepted: false }] };
    expect(checkIdea(campaign, refused)[0]).toMatchObject({ code: 'consent-required' });
  });
});
