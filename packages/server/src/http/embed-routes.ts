import { Id, LOCALES } from '@veche/core';
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ServerConfig } from '../config.ts';
import { EMBED_ELEMENTS, type Kind } from '../embed/elements.ts';
import { type Ctx, cached } from '../service/context.ts';

/**
 * Iframe mode, for host pages that may not run scripts (or only a one-line snippet): the server serves
 * `/embed/<element>?campaign=…&…` — one small page per element, its attributes taken from the query
 * (each checked), the element's own entry from the bundle at `/veche/`, and the resize reporter
 * (`/veche/embed-frame.js`) that tells the framing page how tall the content is. The host snippet
 * `/veche/embed.js` sizes every `<iframe data-veche>` from those messages; without it the iframe keeps
 * its own height and scrolls. Only the campaign's embed origins, CORS_ORIGINS and this server itself may
 * frame a page (`frame-ancestors`); the API keeps `frame-ancestors 'none'`. See docs/embedding.md.
 */

const THEMES = ['light', 'dark', 'contrast', 'auto'] as const;

/**
 * What the elements need on a page, and nothing more: scripts and styles from this origin only, and
 * Trusted Types for every HTML sink (Lit writes its templates through its `lit-html` policy). This is
 * also the strictest policy a host page can set and keep the elements working (docs/csp.md); the
 * server sends it on the strict-CSP example (`/csp/`).
 */
export const HOST_POLICY = "script-src 'self'; style-src 'self'; require-trusted-types-for 'script'; trusted-types lit-html";

/** The embed pages' policy: the host policy, nothing else loaded but this origin's API, images and tiles. */
export function embedPolicy(ancestors: readonly string[], tiles: boolean): string {
  return [
    "default-src 'none'",
    HOST_POLICY,
    // Photos from the API, upload previews (blob:), the map's tiles from the tile server the query names.
    `img-src 'self' data: blob:${tiles ? ' https:' : ''}`,
    "connect-src 'self'",
    "base-uri 'none'",
    "form-action 'none'",
    `frame-ancestors ${ancestors.length ? ancestors.join(' ') : "'none'"}`,
  ].join('; ');
}

const STYLES = `html { color-scheme: light; background: transparent; }
html[data-theme='dark'] { color-scheme: dark; background: var(--veche-color-bg, #16181c); }
html[data-theme='contrast'] { background: var(--veche-color-bg, #fff); }
@media (prefers-color-scheme: dark) { html[data-theme='auto'] { color-scheme: dark; background: var(--veche-color-bg, #16181c); } }
body { display: flow-root; margin: 0; padding: 6px; }
.problem { font: medium/1.5 system-ui, sans-serif; margin: 0; }
`;

const escape = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** A query value as an attribute value, or the reason it cannot be one. */
function check(kind: Kind, value: string): string | { problem: string } {
  const ok = (test: boolean, problem: string) => (test ? value : { problem });
  switch (kind) {
    case 'id':
      return ok(Id.safeParse(value).success, 'must be an id: letters, digits and - _ . : /, at most 64 characters');
    case 'ids':
      return ok(value.length <= 1000 && value.split(',').every((v) => Id.safeParse(v.trim()).success), 'must be ids separated by commas');
    case 'word':
      return ok(/^[a-z][a-z0-9-]{0,39}$/.test(value), 'must be a word such as "support"');
    case 'words':
      return ok(/^[a-z0-9-]{1,40}(\s*,\s*[a-z0-9-]{1,40}){0,19}$/.test(value), 'must be words separated by commas');
    case 'int':
      return ok(/^\d{1,9}$/.test(value), 'must be a whole number');
    case 'flag':
      return ok(/^(|1|true)$/.test(value), 'must be empty, 1 or true');
    case 'text':
      return ok(value.length <= 500 && !/[\p{Cc}]/u.test(value), 'must be at most 500 characters of text');
    case 'url':
      return ok(value.length <= 2000 && URL.canParse(value) && /^https?:$/.test(new URL(value).protocol), 'must be an http(s) address');
    case 'tiles':
      return ok(/^[a-z0-9-]{1,20}$/.test(value) || (value.length <= 500 && /^https:\/\/[^\s"'<>]+$/.test(value)), 'must be a preset name or an https:// tile address');
  }
}

interface Page {
  status: number;
  lang: 'ru' | 'en';
  title: string;
  policy: string;
  /** Root attributes, head and body. */
  theme?: string;
  head: string;
  body: string;
}

function render(page: Page): string {
  return `<!doctype html>
<html lang="${page.lang}"${page.theme ? ` data-theme="${page.theme}"` : ''}>
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="strict-origin-when-cross-origin">
<link rel="icon" href="data:,">
<title>${escape(page.title)}</title>
<link rel="stylesheet" href="/embed/embed.css">
${page.head}</head>
<body>
${page.body}
</body>
</html>
`;
}

function send(reply: FastifyReply, page: Page): FastifyReply {
  return reply
    .code(page.status)
    .header('content-security-policy', page.policy)
    .header('cache-control', 'no-cache')
    .type('text/html; charset=utf-8')
    .send(render(page));
}

/** A page that says what is wrong with the embed address, in the frame where the host team sees it. */
function problem(reply: FastifyReply, status: number, lang: 'ru' | 'en', message: string): FastifyReply {
  const title = lang === 'en' ? 'The widget cannot be shown' : 'Виджет не удалось показать';
  return send(reply, {
    status,
    lang,
    title,
    // Nothing on it to click: any page may frame it, so the host team sees the reason in their frame.
    policy: embedPolicy(['*'], false),
    head: '',
    body: `<p class="problem" role="alert"><strong>${escape(title)}.</strong> ${escape(message)}</p>`,
  });
}

/** The campaign's embed origins, or undefined when there is no such campaign. */
async function campaignOrigins(ctx: Ctx, campaignId: string): Promise<string[] | undefined> {
  return cached(ctx, `embed-origins:${campaignId}`, async () => {
    const row = await ctx.db.selectFrom('campaigns').select('origins').where('id', '=', campaignId).executeTakeFirst();
    return row ? (JSON.parse(row.origins) as string[]) : undefined;
  });
}

/** Registers `/embed/<element>`, its stylesheet, and the strict policy of the `/csp/` example page. */
export function embedRoutes(app: FastifyInstance, ctx: Ctx, config: Pick<ServerConfig, 'corsOrigins'>): void {
  app.get('/embed/embed.css', (_request, reply) => reply.header('cache-control', 'public, max-age=3600').type('text/css; charset=utf-8').send(STYLES));

  app.get<{ Params: { element: string }; Querystring: Record<string, string | string[] | undefined> }>('/embed/:element', async (request, reply) => {
    const query = request.query;
    const first = (name: string) => {
      const value = query[name];
      return (Array.isArray(value) ? value[0] : value)?.trim();
    };
    const langValue = first('lang') || 'ru';
    const lang = langValue === 'en' ? 'en' : 'ru';
    if (!(LOCALES as readonly string[]).includes(langValue)) return problem(reply, 400, lang, `lang must be one of: ${LOCALES.join(', ')}.`);
    const name = request.params.element;
    const element = Object.hasOwn(EMBED_ELEMENTS, name) ? EMBED_ELEMENTS[name]! : undefined;
    if (!element) return problem(reply, 404, lang, `There is no element "${name.slice(0, 60)}"; use one of: ${Object.keys(EMBED_ELEMENTS).join(', ')}.`);
    const theme = first('theme') || 'light';
    if (!(THEMES as readonly string[]).includes(theme)) return problem(reply, 400, lang, `theme must be one of: ${THEMES.join(', ')}.`);

    const campaign = first('campaign');
    if (!campaign) return problem(reply, 400, lang, 'The address needs campaign=… (the campaign id).');
    if (!Id.safeParse(campaign).success) return problem(reply, 400, lang, 'campaign must be an id: letters, digits and - _ . : /.');
    const attributes: [string, string][] = [['campaign', campaign]];
    for (const [param, kind] of Object.entries(element.params)) {
      const value = first(param);
      if (value === undefined || (value === '' && kind !== 'flag')) {
        if (element.required?.includes(param)) return problem(reply, 400, lang, `The address needs ${param}=….`);
        continue;
      }
      const checked = check(kind, value);
      if (typeof checked !== 'string') return problem(reply, 400, lang, `${param} ${checked.problem}.`);
      attributes.push([param, checked]);
    }
    const origins = await campaignOrigins(ctx, campaign);
    if (!origins) return problem(reply, 404, lang, `There is no campaign "${campaign}".`);

    const tag = `veche-${name}`;
    const sheet = (which: string, media = '') => `<link rel="stylesheet" href="/veche/themes/${which}.css"${media}>\n`;
    const themeSheet = theme === 'auto' ? sheet('dark', ' media="(prefers-color-scheme: dark)"') : theme === 'light' ? '' : sheet(theme);
    return send(reply, {
      status: 200,
      lang,
      theme,
      title: element.title[lang],
      policy: embedPolicy(["'self'", ...config.corsOrigins, ...origins], name === 'project-map' && (first('tiles') ?? 'none') !== 'none'),
      head:
        `<meta name="veche:api" content="/api">\n` +
        themeSheet +
        `<script type="module" src="/veche/${tag}.js"></script>\n<script type="module" src="/veche/embed-frame.js"></script>\n`,
      body: `<${tag} ${attributes.map(([k, v]) => (v === '' ? k : `${k}="${escape(v)}"`)).join(' ')}></${tag}>`,
    });
  });

  // The strict-CSP example (examples/csp/): the host policy, as a municipal site would send it.
  app.addHook('onSend', async (request, reply, payload) => {
    const path = request.url.split('?')[0]!;
    if (path === '/csp' || path.startsWith('/csp/')) void reply.header('content-security-policy', HOST_POLICY);
    return payload;
  });
}
