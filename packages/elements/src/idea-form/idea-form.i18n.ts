import type { ConsentKind, PluralForms } from '@veche/core';
import type { Messages } from '../i18n/locale.ts';
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
  opens: (start, end) => `Приём идей откроется ${start} и продлится до ${end}.`,
  closed: (end) => `Приём идей завершился ${end}. Спасибо всем, кто предлагал!`,
  absent: 'В этой кампании идеи не собирают.',
  signInNeeded: 'Чтобы предложить идею, подтвердите, что вы житель: войдите с кодом.',
};

const en: IdeaFormTerms = {
  heading: 'Suggest an idea',
  required: '(required)',
  label: {
    title: 'Title of the idea',
    summary: 'In short',
    description: 'Description',
    category: 'Category',
    district: 'District',
    cost: 'Estimated cost, ₽',
    address: 'Address or landmark',
    lat: 'Latitude',
    lng: 'Longitude',
    name: 'Your name',
    contact: 'E-mail or phone',
    photos: 'Add photos',
  },
  hint: {
    title: 'What and where, e.g. “A playground in the yard at 12 Lenina St.”',
    summary: 'A sentence or two for the project card.',
    description: 'What you suggest, why it is needed and who benefits.',
    cost: 'If you know it. Whole roubles.',
    address: 'Street and house, yard, park.',
    lat: 'E.g. 53.7021. May stay empty.',
    lng: 'E.g. 91.6893. May stay empty.',
    name: 'Published only if you allow it below.',
    contact: 'The moderator will tell you the decision here. Never published.',
  },
  legend: { idea: 'Idea', place: 'Place', photos: 'Photos', author: 'About you', consents: 'Consents' },
  noChoice: { category: 'None', district: 'Not sure, or the whole town' },
  chars: { one: 'character', other: 'characters' },
  charsAtMost: { one: 'character', other: 'characters' },
  counter: (count, limit) => `${count} of ${limit}`,
  left: (chars) => `${chars} left`,
  over: (chars) => `${chars} too many`,
  megabytes: (n) => `${n}\u00a0MB`,
  photos: { one: 'photo', other: 'photos' },
  photosHint: (count, size) => `Up to ${count}, JPEG, PNG or WebP, each at most ${size}.`,
  photoAlt: (n) => `What photo ${n} shows`,
  photoAltHint: 'For people who cannot see the image.',
  photoPreview: (n) => `Photo ${n}`,
  removePhoto: (n) => `Remove photo ${n}`,
  retryPhoto: (n) => `Upload photo ${n} again`,
  uploading: 'Uploading…',
  uploaded: 'Uploaded',
  uploadFailed: (reason) => `Not uploaded. ${reason}`,
  notImage: (file) => `“${file}” is not a JPEG, PNG or WebP photo.`,
  tooBig: (file, size) => `“${file}” is larger than ${size}.`,
  tooManyPhotos: (count) => `You can attach at most ${count}.`,
  consent: {
    'personal-data': 'I consent to the processing of my personal data',
    'publish-name': 'My name may be published with the idea',
    notifications: 'Send me news about my idea',
  },
  consentText: 'Text of the consent',
  consentVersion: (version) => `Version ${version}`,
  addressInDescription: 'Place',
  mapSlotHint: 'You can pick the point on a map if the page has one.',
  submit: 'Send the idea',
  submitting: 'Sending…',
  problems: { one: 'problem', other: 'problems' },
  summaryTitle: (problems) => `Please check the form: ${problems}`,
  issue: (code, field, limit) =>
    ({
      required: `Fill in “${field}”.`,
      'too-long': `“${field}”: at most ${limit}.`,
      'too-many': `You can attach at most ${limit}.`,
      'unknown-district': 'Choose a district from the list.',
      'unknown-category': 'Choose a category from the list.',
      'consent-required': 'We cannot accept the idea without consent to process your personal data.',
      'consent-outdated': 'The consent text has changed: read it and tick it again.',
      'over-budget': `The cost is more than the whole budget (${limit}).`,
      'contact-required': 'Give an e-mail or phone so the moderator can tell you the decision.',
      'contact-format': 'This does not look like an e-mail address or a phone number such as +7 391 000-00-00.',
      'cost-format': 'Give the cost in whole roubles, e.g. 1500000.',
      coordinate: `“${field}”: a number from −${limit} to ${limit}, e.g. 53.7021.`,
      'coordinates-pair': 'Give both latitude and longitude, or leave both empty.',
      'alt-required': `Fill in “${field}”.`,
      uploading: 'Please wait until the photos are uploaded.',
      'upload-failed': 'A photo was not uploaded: upload it again or remove it.',
      invalid: `“${field}”: the server did not accept this value.`,
    })[code],
  draftRestored: 'We restored the draft you started earlier.',
  consentsAgain: 'Please tick the consents again.',
  clearDraft: 'Clear the draft',
  draftCleared: 'Draft cleared.',
  notSent: (reason) => `The idea was not sent. ${reason}`,
  kept: 'Everything you wrote is kept: you can send it again.',
  sent: 'Thank you! Your idea was sent',
  ideaId: (id) => `Idea number: ${id}.`,
  next: 'A moderator will check it. Then it appears on the site, where others can support it.',
  nextContact: (contact) => `We will tell you the decision at ${contact}.`,
  another: 'Suggest another idea',
  opens: (start, end) => `Ideas are accepted from ${start} until ${end}.`,
  closed: (end) => `Ideas were accepted until ${end}. Thank you to everyone who took part!`,
  absent: 'This campaign does not collect ideas.',
  signInNeeded: 'To suggest an idea, confirm you are a resident: sign in with a code.',
};

export const ideaFormMessages: Messages<IdeaFormTerms> = { ru, en };
