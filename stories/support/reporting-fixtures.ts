import type { UpdateItemInput, VecheAdapter } from '@veche/core';
import { MemoryAdapter, demoFixture, type MemoryFixture } from '@veche/core/memory';

/*
 * Campaigns for the stories and tests of `<veche-updates>` and `<veche-participation>`: the demo (its
 * news, the Krasnoyarsk figures of 2023 and 2024 and its own live year), and small variations.
 */

const DAY = 86_400_000;

/** The demo seen at `now`, optionally changed. */
export function reportingDemo(now: Date = new Date(), change?: (f: MemoryFixture) => void, latency = 0): MemoryAdapter {
  const fixture = demoFixture(now);
  change?.(fixture);
  return new MemoryAdapter({ fixtures: [fixture], now: () => now, ...(latency ? { latency } : {}) });
}

/** `count` news items of the administration, a day apart, newest first; no phases begun. */
export function manyNews(count: number, now: Date = new Date()): MemoryAdapter {
  return reportingDemo(now, (f) => {
    f.campaign.phases = f.campaign.phases.map((p) => ({ ...p, start: new Date(Date.parse(p.start) + 500 * DAY).toISOString(), end: new Date(Date.parse(p.end) + 500 * DAY).toISOString() }));
    f.updates = Array.from({ length: count }, (_, i): UpdateItemInput => ({
      id: `n${i + 1}`,
      campaignId: 'demo',
      kind: 'news',
      title: `Новость № ${i + 1}`,
      text: `Текст новости № ${i + 1}.`,
      date: new Date(now.getTime() - (i + 1) * DAY).toISOString(),
      link: `/news/${i + 1}`,
    }));
  });
}

/** A campaign without news: no items and no phase begun yet. */
export const noNews = (now: Date = new Date()): MemoryAdapter => manyNews(0, now);

/** Titles and texts a feed must escape, a long word, line breaks, four photos and no link. */
export const TRICKY_NEWS = {
  title: '<script>alert("x")</script> & <b>жирным</b> — Сверхдлинноеслововзаголовкекотороенедолжнорастягиватьстраницу',
  text: 'Первая строка.\nВторая строка & <i>не курсив</i>.',
};

export function trickyNews(now: Date = new Date()): MemoryAdapter {
  return reportingDemo(now, (f) => {
    f.updates = [
      {
        id: 'tricky',
        campaignId: 'demo',
        kind: 'news',
        title: TRICKY_NEWS.title,
        text: TRICKY_NEWS.text,
        date: new Date(now.getTime() - 3_600_000).toISOString(),
        photos: [
          { url: '/demo/photos/playground.svg', alt: 'Эскиз площадки' },
          { url: '/demo/photos/rink.svg', alt: 'Хоккейная коробка' },
          { url: '/demo/photos/opening.svg', alt: 'Открытие городка' },
          { url: '/demo/photos/playground.svg', alt: '' },
        ],
      },
    ];
  });
}

/**
 * The demo whose answers pass through `change` unchecked: what a host's own adapter might send (an
 * unsafe link, a photo from `javascript:`, missing fields).
 */
export function rawAdapter(base: VecheAdapter, members: Partial<Record<keyof VecheAdapter, unknown>>): VecheAdapter {
  return new Proxy(base, {
    get(target, key) {
      if (typeof key === 'string' && key in members) return members[key as keyof VecheAdapter];
      const value = Reflect.get(target, key) as unknown;
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

/** The demo without live figures or entered years: only the Krasnoyarsk rows of 2023 and 2024. */
export function krasnoyarskOnly(now: Date = new Date()): VecheAdapter {
  const base = reportingDemo(now);
  return rawAdapter(base, {
    getParticipation: async (id: string, options?: { signal?: AbortSignal }) => {
      const report = await base.getParticipation(id, options);
      return { ...report, year: 2024, years: report.years.filter((y) => y.year < 2025) };
    },
  });
}

/** A report without years: nothing entered, nothing counted. */
export function emptyParticipation(now: Date = new Date()): VecheAdapter {
  const base = reportingDemo(now);
  return rawAdapter(base, { getParticipation: async () => ({ campaignId: 'demo', municipality: 'Кедровогорск', year: 2026, years: [] }) });
}
