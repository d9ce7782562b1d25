import { seededRandom } from '../domain/random.ts';
import type { FundingSource } from '../domain/values.ts';
import type { Selection } from '../schemas/ballot.ts';
import type { CampaignInput } from '../schemas/campaign.ts';
import type { CoFunding, ProjectInput } from '../schemas/project.ts';
import type { ParticipationEntryInput, UpdateItemInput } from '../schemas/reporting.ts';
import { demoReporting } from './reporting-demo.ts';
import { demoDiscussion } from './discussion-demo.ts';
import type { DiscussionFixture } from './discussion.ts';

/** Everything a MemoryAdapter needs to serve one campaign. */
export interface MemoryFixture extends DiscussionFixture {
  campaign: CampaignInput;
  projects: ProjectInput[];
  /** Supporters collected before the adapter started (paper signatures, other residents). */
  supporters?: Record<string, number>;
  /** Ballots cast before the adapter started, by other residents. */
  ballots?: { voterId: string; selection: Selection[] }[];
  /** One-time voting codes, as printed on letters and posters. */
  votingCodes?: string[];
  /** News items of the administration (phase and milestone items are made by the adapter). */
  updates?: UpdateItemInput[];
  /** Participation figures the administration entered, by year (`ParticipationEntry`). */
  participation?: Record<number, ParticipationEntryInput>;
}

export const DEMO_CAMPAIGN_ID = 'demo';

/** The demo's voting codes: each works once. */
export const DEMO_VOTING_CODES = Array.from({ length: 40 }, (_, i) => `DEMO-${String(1001 + i)}`);

/** The one-time code the demo "sends" to any e-mail or phone. */
export const DEMO_ONE_TIME_CODE = '123456';

const DAY = 86_400_000;

/** Share out a cost by source; the last source takes the rounding remainder. */
function coFunding(cost: number, shares: [FundingSource, number][], notes: Partial<Record<FundingSource, string>> = {}): CoFunding[] {
  let left = cost;
  return shares.map(([source, share], i) => {
    const amount = i === shares.length - 1 ? left : Math.round((cost * share) / 1000) * 1000;
    left -= amount;
    const note = notes[source];
    return note === undefined ? { source, amount } : { source, amount, note };
  });
}

const KRAI: [FundingSource, number][] = [
  ['regional', 0.8],
  ['municipal', 0.08],
  ['business', 0.08],
  ['residents', 0.04],
];

function ring(points: [number, number][]): [number, number][] {
  return [...points, points[0]!];
}

/**
 * The demo campaign: Кедровогорск, a Siberian town of 14,300 people in Krasnoyarsk krai, three
 * districts, fifteen projects in every status, and voting open around `now`.
 */
export function demoFixture(now: Date = new Date()): MemoryFixture {
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  const at = (days: number) => new Date(today + days * DAY).toISOString();
  const date = (days: number) => at(days).slice(0, 10);
  const year = new Date(today).getUTCFullYear();

  const campaign: CampaignInput = {
    id: DEMO_CAMPAIGN_ID,
    title: `Народный бюджет Кедровогорска — ${year}`,
    municipality: 'Кедровогорск',
    region: 'Красноярский край',
    description:
      'Жители предлагают, как потратить 6 миллионов рублей из бюджета города, поддерживают лучшие идеи и голосуют. ' +
      'Проекты-победители софинансирует край (до 80 %), город, местный бизнес и сами жители.',
    url: '/',
    currency: 'RUB',
    budget: 6_000_000,
    phases: [
      { id: 'ideas', start: at(-120), end: at(-80) },
      { id: 'support', start: at(-80), end: at(-40) },
      { id: 'review', start: at(-40), end: at(-12) },
      { id: 'voting', start: at(-12), end: at(9) },
      { id: 'results', start: at(9), end: at(40) },
      { id: 'implementation', start: at(40), end: at(400) },
    ],
    districts: [
      {
        id: 'center',
        name: 'Центральный',
        population16: 4_980,
        geometry: { type: 'Polygon', coordinates: [ring([[91.67, 53.69], [91.72, 53.69], [91.72, 53.715], [91.67, 53.715]])] },
      },
      {
        id: 'north',
        name: 'Северный',
        population16: 3_710,
        geometry: { type: 'Polygon', coordinates: [ring([[91.67, 53.715], [91.72, 53.715], [91.735, 53.74], [91.655, 53.74]])] },
      },
      {
        id: 'riverside',
        name: 'Заречный',
        population16: 2_770,
        geometry: { type: 'Polygon', coordinates: [ring([[91.665, 53.662], [91.73, 53.662], [91.72, 53.69], [91.67, 53.69]])] },
      },
    ],
    categories: [
      { id: 'green', name: 'Благоустройство', color: '#1a7f5a' },
      { id: 'sport', name: 'Спорт', color: '#1f5fbf' },
      { id: 'culture', name: 'Культура', color: '#7b3fc4' },
      { id: 'roads', name: 'Дороги и безопасность', color: '#a14d00' },
      { id: 'children', name: 'Детям', color: '#b3245f' },
    ],
    population: 14_300,
    population16: 11_460,
    supportThreshold: { type: 'share', value: 0.1 },
    votingRules: { method: 'knapsack', budget: 6_000_000, minProjects: 1 },
    coFunding: {
      minShares: { municipal: 0.05, business: 0.07, residents: 0.03 },
      maxShares: { regional: 0.85 },
    },
    allowRevote: true,
    voteVisibility: 'after-close',
    signIn: { ideas: [], support: ['voting-code', 'one-time-code'], voting: ['voting-code', 'one-time-code', 'host-token'] },
    ideaLimits: { title: 120, summary: 300, description: 5000, photos: 5, photoBytes: 5_000_000 },
    consents: [
      {
        kind: 'personal-data',
        version: '2026-09',
        required: true,
        text:
          'Я даю согласие администрации города Кедровогорска (ул. Ленина, 1) на обработку моих персональных данных — ' +
          'имени, адреса электронной почты и номера телефона — с целью рассмотрения моей идеи и связи со мной по ней. ' +
          'Действия: сбор, запись, хранение, уточнение, использование, удаление; без передачи третьим лицам. ' +
          'Срок — до окончания реализации проектов этого года, но не дольше трёх лет. ' +
          'Согласие можно отозвать письмом на pb@kedrovogorsk.example или в МФЦ.',
      },
      {
        kind: 'publish-name',
        version: '2026-09',
        required: false,
        text: 'Я согласен, чтобы моё имя было опубликовано рядом с моей идеей на сайте города.',
      },
      {
        kind: 'notifications',
        version: '2026-09',
        required: false,
        text: 'Я хочу получать письма о ходе рассмотрения и реализации моей идеи.',
      },
    ],
  };

  type Seed = Omit<ProjectInput, 'campaignId' | 'createdAt'> & { created: number };
  const seeds: Seed[] = [
    {
      id: 'demo-1', created: -110, status: 'shortlisted', title: 'Детская площадка во дворе на Ленина, 12',
      summary: 'Современная площадка с качелями, горкой и мягким покрытием для 300 детей микрорайона.',
      description:
        'Во дворе домов 10–14 по улице Ленина живёт больше 300 детей, а единственная площадка построена в 1987 году. ' +
        'Предлагаем поставить игровой комплекс, качели, песочницу с навесом и уложить резиновое покрытие.',
      cost: 1_450_000, districtId: 'center', categoryIds: ['children'],
      location: { lat: 53.7021, lng: 91.6893, address: 'ул. Ленина, 12' },
      images: [{ url: '/demo/photos/playground.svg', alt: 'Эскиз площадки: горка, качели и песочница под навесом' }],
      authorName: 'Анна Петрова',
      coFunding: coFunding(1_450_000, KRAI, { business: 'ООО «Кедр-Строй»' }),
    },
    {
      id: 'demo-2', created: -108, status: 'shortlisted', title: 'Освещение набережной Тубы',
      summary: '40 фонарей на 1,2 км набережной: сейчас вечером там темно и небезопасно.',
      description: 'Набережная — главное место прогулок, но фонари есть только у моста. Проект: 40 светодиодных опор с датчиками освещённости.',
      cost: 2_300_000, districtId: 'riverside', categoryIds: ['roads', 'green'],
      location: { lat: 53.6745, lng: 91.7012, address: 'Набережная ул.' },
      coFunding: coFunding(2_300_000, KRAI),
    },
    {
      id: 'demo-3', created: -105, status: 'shortlisted', title: 'Хоккейная коробка у школы № 2',
      summary: 'Коробка с бортами и освещением: зимой каток, летом — площадка для мини-футбола.',
      description: 'У школы № 2 есть ровная площадка 30 × 60 м. Борта, сетки, освещение и раздевалка в бытовке сделают её местом для игр круглый год.',
      cost: 2_900_000, districtId: 'north', categoryIds: ['sport', 'children'],
      location: { lat: 53.7262, lng: 91.6951, address: 'ул. Гагарина, 25' },
      images: [{ url: '/demo/photos/rink.svg', alt: 'Хоккейная коробка с бортами и фонарями, вид сверху' }],
      coFunding: coFunding(2_900_000, KRAI),
    },
    {
      id: 'demo-4', created: -104, status: 'shortlisted', title: 'Сквер у Дома культуры',
      summary: 'Дорожки, скамейки, клумбы и сцена для уличных концертов.',
      description: 'Пустырь у Дома культуры превратится в сквер: плиточные дорожки, 20 скамеек, цветники, небольшая сцена.',
      cost: 1_800_000, districtId: 'center', categoryIds: ['green', 'culture'],
      location: { lat: 53.6978, lng: 91.7088, address: 'пл. Победы, 3' },
      coFunding: coFunding(1_800_000, KRAI),
    },
    {
      id: 'demo-5', created: -101, status: 'shortlisted', title: 'Тротуар к поликлинике по улице Гагарина',
      summary: '600 метров тротуара с пандусами: сейчас пожилые люди идут к поликлинике по обочине.',
      description: 'Тротуар шириной 2 м с бордюрами, пандусами и тактильной плиткой у перехода.',
      cost: 1_200_000, districtId: 'north', categoryIds: ['roads'],
      location: { lat: 53.7213, lng: 91.7102, address: 'ул. Гагарина, 4–30' },
      coFunding: coFunding(1_200_000, KRAI),
    },
    {
      id: 'demo-6', created: -99, status: 'shortlisted', title: 'Зал для занятий в городской библиотеке',
      summary: 'Мебель, проектор и компьютеры для кружков, лекций и курсов для пожилых.',
      description: 'Библиотека готова отдать под занятия зал на 40 мест. Нужны столы, стулья, проектор, 8 компьютеров и ремонт.',
      cost: 850_000, categoryIds: ['culture'],
      location: { lat: 53.7001, lng: 91.6998, address: 'ул. Советская, 8' },
      coFunding: coFunding(850_000, KRAI),
    },
    {
      id: 'demo-7', created: -5, status: 'submitted', title: 'Воркаут-площадка в Заречном',
      description: 'Турники, брусья и рукоход у стадиона в Заречном.', cost: 700_000, districtId: 'riverside', categoryIds: ['sport'],
    },
    {
      id: 'demo-8', created: -95, status: 'published', title: 'Скамейки и урны на Садовой',
      summary: 'Двадцать скамеек и тридцать урн вдоль всей улицы.',
      description: 'Садовая — дорога к рынку; присесть по пути негде.', cost: 300_000, districtId: 'center', categoryIds: ['green'],
      location: { lat: 53.6955, lng: 91.6944, address: 'ул. Садовая' },
    },
    {
      id: 'demo-9', created: -93, status: 'published', title: 'Пешеходный переход с подсветкой у школы № 5',
      summary: 'Освещённый переход, светофор Т.7 и ограждения.',
      description: 'Дети переходят дорогу к школе № 5 в темноте. Нужен проекционный переход, светофор и ограждения.',
      cost: 950_000, districtId: 'north', categoryIds: ['roads', 'children'],
      location: { lat: 53.7302, lng: 91.6832, address: 'ул. Школьная, 5' },
    },
    {
      id: 'demo-10', created: -112, status: 'rejected', title: 'Фонтан на центральной площади',
      summary: 'Светомузыкальный фонтан.',
      description: 'Большой фонтан с подсветкой и музыкой.', cost: 9_500_000, districtId: 'center', categoryIds: ['green'],
      statusNote: 'Стоимость больше бюджета конкурса (6 млн ₽); содержание фонтана город не может обеспечить.',
    },
    {
      id: 'demo-11', created: -300, status: 'selected', title: 'Ремонт трибун стадиона «Кедр»',
      summary: 'Новые сиденья и навес над трибуной на 400 мест.',
      description: 'Проект-победитель прошлого года: трибуны будут отремонтированы этим летом.', cost: 2_700_000, districtId: 'center',
      categoryIds: ['sport'], location: { lat: 53.7059, lng: 91.7021, address: 'ул. Спортивная, 1' },
      coFunding: coFunding(2_700_000, KRAI), votes: 1_204,
    },
    {
      id: 'demo-12', created: -300, status: 'not-selected', title: 'Зимний каток в парке',
      description: 'Заливной каток с прокатом коньков.', cost: 1_600_000, districtId: 'riverside', categoryIds: ['sport'], votes: 611,
    },
    {
      id: 'demo-13', created: -360, status: 'in-progress', title: 'Площадка для выгула собак',
      summary: 'Огороженная площадка с тренажёрами для собак в Северном.',
      description: 'Площадка 40 × 40 м с забором, снарядами, урнами и освещением.', cost: 900_000, districtId: 'north',
      categoryIds: ['green'], location: { lat: 53.7351, lng: 91.7003, address: 'ул. Лесная, 17' }, progress: 60,
      coFunding: coFunding(900_000, KRAI),
      milestones: [
        { id: 'm1', title: 'Проект и смета согласованы', date: date(-200), done: true },
        { id: 'm2', title: 'Подрядчик выбран', date: date(-150), done: true },
        { id: 'm3', title: 'Забор и покрытие', date: date(-30), done: true },
        { id: 'm4', title: 'Снаряды и освещение', date: date(20), done: false },
        { id: 'm5', title: 'Открытие', date: date(35), done: false },
      ],
    },
    {
      id: 'demo-14', created: -400, status: 'done', title: 'Детский городок в Северном',
      summary: 'Открыт в июне: горки, канатный парк и площадка для малышей.',
      description: 'Городок построен на средства края, города, двух предприятий и жителей микрорайона.', cost: 1_750_000,
      districtId: 'north', categoryIds: ['children'], location: { lat: 53.7288, lng: 91.7047, address: 'ул. Мира, 9' }, progress: 100,
      images: [{ url: '/demo/photos/opening.svg', alt: 'Открытие детского городка: дети на канатном парке' }],
      coFunding: coFunding(1_750_000, KRAI, { business: 'АО «Минусинскэнерго» и ИП Соколов' }),
      milestones: [
        { id: 'm1', title: 'Проект и смета согласованы', date: date(-380), done: true },
        { id: 'm2', title: 'Работы начаты', date: date(-260), done: true },
        { id: 'm3', title: 'Открытие', date: date(-170), done: true, description: 'Городок открыт, на открытие пришли 250 жителей.' },
      ],
    },
    {
      id: 'demo-15', created: -300, status: 'in-progress', title: 'Остановочный павильон у рынка',
      summary: 'Тёплый павильон с навесом, скамьёй и табло.', description: 'Остановка у рынка — самая людная в городе, а павильона нет.',
      cost: 650_000, districtId: 'riverside', categoryIds: ['roads'], location: { lat: 53.6811, lng: 91.6978, address: 'ул. Рыночная' },
      progress: 25, coFunding: coFunding(650_000, KRAI),
      milestones: [
        { id: 'm1', title: 'Павильон заказан', date: date(-60), done: true },
        { id: 'm2', title: 'Установка', date: date(25), done: false },
      ],
    },
  ];

  const projects: ProjectInput[] = seeds.map(({ created, ...p }) => ({ ...p, campaignId: DEMO_CAMPAIGN_ID, createdAt: at(created) }));

  const supporters: Record<string, number> = {
    'demo-1': 1_473, 'demo-2': 1_310, 'demo-3': 1_688, 'demo-4': 1_152, 'demo-5': 1_096, 'demo-6': 1_061,
    'demo-8': 402, 'demo-9': 977, 'demo-10': 233,
  };

  const reporting = demoReporting(at, { id: DEMO_CAMPAIGN_ID, url: campaign.url, year: new Date(at(-12)).getUTCFullYear() }, projects);
  return { campaign, projects, supporters, ballots: demoBallots(seeds), votingCodes: DEMO_VOTING_CODES, ...reporting, ...demoDiscussion(at) };
}

/** 1,912 ballots of other residents, drawn with a fixed seed so every run sees the same results. */
function demoBallots(projects: readonly { id: string; cost: number; status: string }[]): { voterId: string; selection: Selection[] }[] {
  const random = seededRandom(2026);
  const onBallot = projects.filter((p) => p.status === 'shortlisted');
  const weight: Record<string, number> = { 'demo-1': 0.62, 'demo-2': 0.41, 'demo-3': 0.55, 'demo-4': 0.38, 'demo-5': 0.47, 'demo-6': 0.33 };
  const ballots: { voterId: string; selection: Selection[] }[] = [];
  for (let v = 0; v < 1_912; v++) {
    let left = 6_000_000;
    const selection: Selection[] = [];
    for (const p of onBallot) {
      if (random() < (weight[p.id] ?? 0.3) && p.cost <= left) {
        selection.push({ projectId: p.id });
        left -= p.cost;
      }
    }
    if (selection.length === 0) selection.push({ projectId: onBallot[Math.floor(random() * onBallot.length)]!.id });
    ballots.push({ voterId: `paper-${v + 1}`, selection });
  }
  return ballots;
}
