import { milestoneUpdate } from '../reporting/updates.ts';
import type { ProjectInput } from '../schemas/project.ts';
import type { ParticipationEntryInput, UpdateItemInput } from '../schemas/reporting.ts';

/**
 * The figures the participation report starts from: initiative budgeting (ППМИ) in Krasnoyarsk krai,
 * 2023 and 2024, as the regional presentation gives them. The shares they make, rounded half up from the
 * counts: 24.35 %, 0.21 %, 0.05 % (2023) and 14.73 %, 10.15 %, 1.49 % (2024).
 */
export const KRASNOYARSK_PARTICIPATION: Record<number, ParticipationEntryInput> = {
  2023: { municipality: 'Красноярский край, ППМИ', population: 429_200, population16: 330_527, online: { ideas: 167 }, offline: { ideas: 80_327 } },
  2024: { municipality: 'Красноярский край, ППМИ', population: 931_545, population16: 728_691, online: { ideas: 10_891 }, offline: { ideas: 96_459 } },
};

/**
 * The demo's news and participation: the administration's items, one for each completed milestone of
 * the projects being built, the krai's figures of 2023 and 2024, and this year's offline counts of
 * Кедровогорск (meetings, paper signature sheets) and the support collected on the Госуслуги platform.
 */
export function demoReporting(
  at: (days: number) => string,
  campaign: { id: string; url?: string | undefined; year: number },
  projects: readonly ProjectInput[],
): { updates: UpdateItemInput[]; participation: Record<number, ParticipationEntryInput> } {
  const news = (days: number, item: Omit<UpdateItemInput, 'campaignId' | 'kind' | 'date'>): UpdateItemInput => ({
    ...item,
    campaignId: campaign.id,
    kind: 'news',
    date: at(days),
  });
  const milestones = projects.flatMap((p) =>
    (p.milestones ?? [])
      .filter((m) => m.done && m.date)
      .map((m) => milestoneUpdate(campaign, p, { ...m, photos: m.photos ?? [] }, `${m.date}T09:00:00.000Z`)),
  );
  const opening = milestones.find((m) => m.projectId === 'demo-14' && m.milestoneId === 'm3');
  if (opening) opening.photos = [{ url: '/demo/photos/opening.svg', alt: 'Открытие детского городка: дети на канатном парке' }];
  const link = campaign.url;
  return {
    updates: [
      ...milestones,
      news(-78, {
        id: 'news-ideas-total',
        title: 'Жители предложили 214 идей',
        text:
          'За сорок дней сбора идей жители Кедровогорска предложили 214 идей: 176 — на сайте, 38 — на встречах в микрорайонах. ' +
          'Идеи, прошедшие модерацию, опубликованы; теперь их можно поддержать.',
        ...(link ? { link } : {}),
      }),
      news(-38, {
        id: 'news-review',
        title: 'Шесть проектов допущены к голосованию',
        text: 'Экспертная комиссия проверила стоимость и выполнимость проектов. Проект фонтана отклонён: его стоимость больше бюджета конкурса.',
        photos: [
          { url: '/demo/photos/playground.svg', alt: 'Эскиз площадки: горка, качели и песочница под навесом' },
          { url: '/demo/photos/rink.svg', alt: 'Хоккейная коробка с бортами и фонарями, вид сверху' },
        ],
        ...(link ? { link: `${link.replace(/#.*$/, '')}#veche-project=demo-1` } : {}),
      }),
      news(-20, {
        id: 'news-stadium',
        projectId: 'demo-11',
        title: 'Ремонт трибун стадиона «Кедр»: подрядчик выбран',
        text: 'Работы начнутся после окончания футбольного сезона. Трибуны на 400 мест получат новые сиденья и навес.',
        ...(link ? { link: `${link.replace(/#.*$/, '')}#veche-project=demo-11` } : {}),
      }),
      // Planned: the adapters show it from its date on.
      news(5, { id: 'news-meeting', title: 'Встреча с жителями Заречного', text: 'Обсудим проекты района в Доме культуры в 18:00.' }),
    ],
    participation: {
      ...KRASNOYARSK_PARTICIPATION,
      [campaign.year]: { offline: { ideas: 38, support: 1_480, total: 1_560 }, online: { support: 640, total: 640 } },
    },
  };
}
