import type { ConsentKind, PluralForms } from '@veche/core';
import { sentence, type Messages } from '../i18n/locale.ts';
import type { IssueCode, TextField } from './idea-form.types.ts';

/** The texts of `<veche-idea-form>`. Override any of them with `setMessages('veche-idea-form', locale, {...})`. */
export interface IdeaFormTerms {
  heading: string;
  /** Shown after each required field's label. */
  required: string;
  label: Record<TextField | 'photos', string>;
  hint: Partial<Record<TextField, string>>;
  legend: { idea: string; place: string; photos: string; author: string; consents: string };
  noChoice: { category: string; district: string };
  /** Word forms of "character" for counters and limits. */
  chars: PluralForms;
  /** The same after "at most" (Russian wants the genitive: «не больше 21 знака»). */
  charsAtMost: PluralForms;
  /** `12 из 120` under a field with a limit. */
  counter: (count: string, limit: string) => string;
  /** Announced politely once a field nears its limit. */
  left: (chars: string) => string;
  over: (chars: string) => string;
  /** Word forms of "photo". */
  photos: PluralForms;
  /** A file size: `5 МБ`. */
  megabytes: (n: string) => string;
  photosHint: (count: string, size: string) => string;
  photoAlt: (n: number) => string;
  photoAltHint: string;
  photoPreview: (n: number) => string;
  removePhoto: (n: number) => string;
  retryPhoto: (n: number) => string;
  uploading: string;
  uploaded: string;
  uploadFailed: (reason: string) => string;
  notImage: (file: string) => string;
  tooBig: (file: string, size: string) => string;
  tooManyPhotos: (count: string) => string;
  /** The short label of each consent; the full text is in an expandable block. */
  consent: Record<ConsentKind, string>;
  consentText: string;
  consentVersion: (version: string) => string;
  /** What the typed address becomes when there are no coordinates (IdeaInput has no address-only location). */
  addressInDescription: string;
  mapSlotHint: string;
  submit: string;
  submitting: string;
  /** Word forms of "problem" for the error summary. */
  problems: PluralForms;
  summaryTitle: (problems: string) => string;
  issue: (code: IssueCode, field: string, limit: string) => string;
  draftRestored: string;
  consentsAgain: string;
  clearDraft: string;
  draftCleared: string;
  notSent: (reason: string) => string;
  kept: string;
  sent: string;
  ideaId: (id: string) => string;
  next: string;
  nextContact: (contact: string) => string;
  another: string;
  opens: (start: string, end: string) => string;
  closed: (end: string) => string;
  absent: string;
  signInNeeded: string;
}

const ru: IdeaFormTerms = {
  heading: 'Предложите идею',
  required: '(обязательно)',
  label: {
    title: 'Название идеи',
    summary: 'Коротко о главном',
    description: 'Описание',
    category: 'Категория',
    district: 'Район',
    cost: 'Примерная стоимость, ₽',
    address: 'Адрес или ориентир',
    lat: 'Широта',
    lng: 'Долгота',
    name: 'Ваше имя',
    contact: 'Электронная почта или телефон',
    photos: 'Добавить фото',
  },
  hint: {
    title: 'Что и где сделать, например «Детская площадка во дворе на Ленина, 12».',
    summary: 'Одна-две фразы для карточки проекта.',
    description: 'Что предлагаете, почему это нужно и кому станет лучше.',
    cost: 'Если знаете. Целое число рублей.',
    address: 'Улица и дом, двор, парк.',
    lat: 'Например, 53,7021. Можно не заполнять.',
    lng: 'Например, 91,6893. Можно не заполнять.',
    name: 'Опубликуем, только если вы разрешите ниже.',
    contact: 'Сюда модератор сообщит о решении. Не публикуется.',
  },
  legend: { idea: 'Идея', place: 'Место', photos: 'Фотографии', author: 'О вас', consents: 'Согласия' },
  noChoice: { category: 'Не выбрана', district: 'Не знаю или весь город' },
  chars: { one: 'знак', few: 'знака', many: 'знаков', other: 'знака' },
  charsAtMost: { one: 'знака', few: 'знаков', many: 'знаков', other: 'знака' },
  counter: (count, limit) => `${count} из ${limit}`,
  left: (chars) => `Осталось ${chars}`,
  over: (chars) => `Лишних: ${chars}`,
  megabytes: (n) => `${n}\u00a0МБ`,
  photos: { other: 'фото' },
  photosHint: (count, size) => `До ${count} в формате JPEG, PNG или WebP, каждое не больше ${size}.`,
  photoAlt: (n) => `Что на фото ${n}`,
  photoAltHint: 'Для тех, кто не видит изображение.',
  photoPreview: (n) => `Фото ${n}`,
  removePhoto: (n) => `Удалить фото ${n}`,
  retryPhoto: (n) => `Загрузить фото ${n} ещё раз`,
  uploading: 'Загружается…',
  uploaded: 'Загружено',
  uploadFailed: (reason) => `Не загрузилось. ${reason}`,
  notImage: (file) => `«${file}» — не фотография JPEG, PNG или WebP.`,
  tooBig: (file, size) => `«${file}» больше ${size}.`,
  tooManyPhotos: (count) => `Можно приложить не больше ${count}.`,
  consent: {
    'personal-data': 'Я даю согласие на обработку моих персональных данных',
    'publish-name': 'Можно опубликовать моё имя рядом с идеей',
    notifications: 'Присылайте мне новости о моей идее',
  },
  consentText: 'Текст согласия',
  consentVersion: (version) => `Редакция ${version}`,
  addressInDescription: 'Место',
  mapSlotHint: 'Координаты можно выбрать на карте, если она есть на странице.',
  submit: 'Отправить идею',
  submitting: 'Отправляем…',
  problems: { one: 'ошибка', few: 'ошибки', many: 'ошибок', other: 'ошибки' },
  summaryTitle: (problems) => `Проверьте форму: ${problems}`,
  issue: (code, field, limit) =>
    ({
      required: `Заполните поле «${field}».`,
      'too-long': `«${field}»: не больше ${limit}.`,
      'too-many': `Можно приложить не больше ${limit}.`,
      'unknown-district': 'Выберите район из списка.',
      'unknown-category': 'Выберите категорию из списка.',
      'consent-required': 'Без согласия на обработку персональных данных мы не можем принять идею.',
      'consent-outdated': 'Текст согласия изменился: прочитайте его и отметьте снова.',
      'over-budget': `Стоимость больше всего бюджета кампании (${limit}).`,
      'contact-required': 'Укажите электронную почту или телефон: модератор сообщит туда о решении.',
      'contact-format': 'Это не похоже на адрес почты или номер телефона, например +7 391 000-00-00.',
      'cost-format': 'Укажите стоимость целым числом рублей, например 1500000.',
      coordinate: `«${field}»: число от −${limit} до ${limit}, например 53,7021.`,
      'coordinates-pair': 'Укажите и широту, и долготу или оставьте оба поля пустыми.',
      'alt-required': `Заполните поле «${field}».`,
      uploading: 'Дождитесь, пока загрузятся фото.',
      'upload-failed': 'Одно из фото не загрузилось: загрузите его ещё раз или удалите.',
      invalid: `«${field}»: сервер не принял это значение.`,
    })[code],
  draftRestored: 'Мы восстановили черновик, который вы начали раньше.',
  consentsAgain: 'Согласия нужно отметить снова.',
  clearDraft: 'Очистить черновик',
  draftCleared: 'Черновик удалён.',
  notSent: (reason) => `Идея не отправлена. ${reason}`,
  kept: 'Всё, что вы написали, сохранено: можно отправить ещё раз.',
  sent: 'Спасибо! Идея отправлена',
  ideaId: (id) => `Номер идеи: ${id}.`,
  next: 'Модератор проверит её. После проверки идея появится на сайте и её можно будет поддержать.',
  nextContact: (contact) => `О решении мы сообщим по адресу ${contact}.`,
  another: 'Предложить ещё одну идею',
  opens: (start, end) => sentence(`Приём идей откроется ${start} и продлится до ${end}`),
  closed: (end) => `${sentence(`Приём идей завершился ${end}`)} Спасибо всем, кто предлагал!`,
  absent: 'В этой кампании идеи не собирают.',
  signInNeeded: 'Чтобы предложить идею, подтвердите, что вы житель: войдите с кодом.',
};


export const ideaFormMessages: Messages<IdeaFormTerms> = { ru, en: () => import('./idea-form.i18n.en.ts').then((m) => m.en) };
