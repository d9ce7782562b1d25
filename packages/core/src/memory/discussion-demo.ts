import { seededRandom } from '../domain/random.ts';
import type { CommentSeed, DiscussionFixture } from './discussion.ts';

/** The ids of the demo's polls. */
export const DEMO_POLL_ID = 'demo-priorities';
export const DEMO_PROJECT_POLL_ID = 'demo-1-surface';
export const DEMO_CLOSED_POLL_ID = 'demo-meetings';

/**
 * The demo's discussion: comments on the playground (demo-1), the embankment lights (demo-2) and the
 * benches (demo-8), with an official answer pinned on each; a town-wide poll for any device, a poll on
 * the playground for signed-in residents, and a closed poll. `at(days)` is an ISO time `days` from today.
 */
export function demoDiscussion(at: (days: number) => string): DiscussionFixture {
  const comments: CommentSeed[] = [
    {
      id: 'c-1-official', projectId: 'demo-1', official: true, authorName: 'Администрация Кедровогорска', createdAt: at(-20),
      body: 'Спасибо за обсуждение. Отдел благоустройства проверил двор: покрытие и ограждение площадки будут по ГОСТ Р 52169, парковка не пострадает.',
    },
    {
      id: 'c-1-1', projectId: 'demo-1', stance: 'for', authorName: 'Анна К.', useful: 14, createdAt: at(-30),
      body: 'Наконец-то! Во дворе сорок детей, а играть негде. Очень просим мягкое покрытие, зимой там сплошной лёд.',
    },
    { id: 'c-1-1-r1', projectId: 'demo-1', parentId: 'c-1-1', createdAt: at(-29), body: 'Поддерживаю, и скамейки для родителей нужны.' },
    {
      id: 'c-1-1-r2', projectId: 'demo-1', parentId: 'c-1-1', official: true, authorName: 'Отдел благоустройства', createdAt: at(-25),
      body: 'Четыре скамейки и урны уже включены в смету проекта.',
    },
    {
      id: 'c-1-2', projectId: 'demo-1', stance: 'against', useful: 6, createdAt: at(-28),
      body: 'Площадка нужна, но стоянку во дворе урезать нельзя: машинам и так негде встать.',
    },
    { id: 'c-1-3', projectId: 'demo-1', stance: 'neutral', authorName: 'Сергей', useful: 2, createdAt: at(-15), body: 'А кто будет следить за площадкой, когда её поставят?' },
    {
      id: 'c-2-1', projectId: 'demo-2', stance: 'for', authorName: 'Ирина Петровна', useful: 9, createdAt: at(-26),
      body: 'Вечером на набережной темно, ходить страшно. Фонари нужны от моста до пристани.',
    },
    { id: 'c-2-2', projectId: 'demo-2', stance: 'neutral', useful: 1, createdAt: at(-12), body: 'Лучше светодиодные: дешевле в обслуживании.' },
    {
      id: 'c-2-2-r1', projectId: 'demo-2', parentId: 'c-2-2', official: true, authorName: 'Администрация Кедровогорска', createdAt: at(-10),
      body: 'Да, в проекте светодиодные светильники с датчиками освещённости.',
    },
    { id: 'c-8-1', projectId: 'demo-8', stance: 'for', useful: 3, createdAt: at(-60), body: 'На Садовой нет ни одной скамейки от остановки до почты.' },
  ];

  const random = seededRandom(9);
  const priorities = Array.from({ length: 214 }, () => {
    const weights: [string, number][] = [['yards', 0.52], ['lights', 0.38], ['sidewalks', 0.44], ['sport', 0.21], ['parks', 0.29]];
    const choices = weights.filter(([, w]) => random() < w).map(([id]) => id).slice(0, 2);
    return choices.length ? { choices } : { choices: [], other: 'Ремонт дорог во дворах' };
  });
  const surface = Array.from({ length: 87 }, () => ({ choices: [random() < 0.61 ? 'rubber' : random() < 0.7 ? 'grass' : 'sand'] }));
  const meetings = Array.from({ length: 132 }, () => ({ choices: [random() < 0.48 ? 'weekday-evening' : random() < 0.75 ? 'saturday' : 'online'] }));

  return {
    comments,
    polls: [
      {
        id: DEMO_POLL_ID, campaignId: 'demo', kind: 'multiple', maxChoices: 2, other: true, audience: 'device', results: 'after-answer',
        question: 'Что важнее всего благоустроить в Кедровогорске в следующем году?',
        description: 'Выберите не больше двух ответов. Итоги опроса помогут составить список тем для следующего народного бюджета.',
        options: [
          { id: 'yards', label: 'Дворы и детские площадки' },
          { id: 'lights', label: 'Освещение улиц' },
          { id: 'sidewalks', label: 'Тротуары' },
          { id: 'sport', label: 'Спортивные площадки' },
          { id: 'parks', label: 'Парки и скверы' },
        ],
        opensAt: at(-30), closesAt: at(30),
      },
      {
        id: DEMO_PROJECT_POLL_ID, campaignId: 'demo', projectId: 'demo-1', kind: 'single', audience: 'resident', results: 'after-answer',
        question: 'Какое покрытие лучше для площадки на Ленина, 12?',
        options: [
          { id: 'rubber', label: 'Резиновая крошка' },
          { id: 'grass', label: 'Искусственная трава' },
          { id: 'sand', label: 'Песок' },
        ],
        opensAt: at(-10), closesAt: at(20),
      },
      {
        id: DEMO_CLOSED_POLL_ID, campaignId: 'demo', kind: 'single', audience: 'device', results: 'after-close',
        question: 'Когда удобнее проводить встречи с жителями?',
        options: [
          { id: 'weekday-evening', label: 'В будни вечером' },
          { id: 'saturday', label: 'В субботу днём' },
          { id: 'online', label: 'Онлайн' },
        ],
        opensAt: at(-40), closesAt: at(-5),
      },
    ],
    pollAnswers: { [DEMO_POLL_ID]: priorities, [DEMO_PROJECT_POLL_ID]: surface, [DEMO_CLOSED_POLL_ID]: meetings },
  };
}
