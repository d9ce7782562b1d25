// Iframe mode: the `/embed/<element>` pages of the reference server, their query checks and headers.
import { demoFixture } from '@veche/core/memory';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EMBED_ELEMENTS } from '../../packages/server/src/embed/elements.ts';
import { HOST_POLICY } from '../../packages/server/src/http/embed-routes.ts';
import { putCampaign } from '../../packages/server/src/index.ts';
import { call } from './support/http.ts';
import { NOW, type TestServer, startServer } from './support/server.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));
const CITY = ['https://city.example', 'https://*.city.example'];

/** The policy's directives by name. */
function directives(policy: unknown): Map<string, string> {
  return new Map(
    String(policy)
      .split(';')
      .map((d) => d.trim())
      .filter(Boolean)
      .map((d) => [d.split(' ')[0]!, d.slice(d.indexOf(' ') + 1)] as const),
  );
}

describe('the iframe pages /embed/<element>', () => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startServer('sqlite', { corsOrigins: ['https://portal.example'] });
    await putCampaign(s.server.ctx, demoFixture(NOW).campaign, CITY);
  });
  afterAll(() => s.close());

  it('serves one element with its attributes from the query, the bundle entry and the resize reporter', async () => {
    const res = await call(s.server, 'GET', '/embed/vote-button?campaign=demo&project=demo-1&theme=dark&lang=en&utm_source=vk');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(res.text).toContain('<veche-vote-button campaign="demo" project="demo-1"></veche-vote-button>');
    expect(res.text).toContain('<html lang="en" data-theme="dark">');
    expect(res.text).toContain('<script type="module" src="/veche/veche-vote-button.js"></script>');
    expect(res.text).toContain('<script type="module" src="/veche/embed-frame.js"></script>');
    expect(res.text).toContain('<link rel="stylesheet" href="/veche/themes/dark.css">');
    expect(res.text).toContain('<meta name="veche:api" content="/api">');
    expect(res.text).not.toContain('utm_source');
    // No inline script or style: the page keeps to its own policy.
    expect(res.text).not.toMatch(/<script(?![^>]*\bsrc=)|<style|\sstyle=/);
  });

  it('may be framed by the campaign\'s embed origins, CORS_ORIGINS and itself only; the API by nobody', async () => {
    const res = await call(s.server, 'GET', '/embed/results?campaign=demo');
    const csp = directives(res.headers['content-security-policy']);
    expect(csp.get('frame-ancestors')).toBe("'self' https://portal.example https://city.example https://*.city.example");
    expect(csp.get('default-src')).toBe("'none'");
    expect(csp.get('script-src')).toBe("'self'");
    expect(csp.get('style-src')).toBe("'self'");
    expect(csp.get('connect-src')).toBe("'self'");
    expect(csp.get('img-src')).toBe("'self' data: blob:");
    expect(csp.get('require-trusted-types-for')).toBe("'script'");
    expect(csp.get('trusted-types')).toBe('lit-html');
    expect(res.headers['x-frame-options']).toBeUndefined();

    // Another campaign without embed origins: only CORS_ORIGINS and the server.
    await putCampaign(s.server.ctx, { ...demoFixture(NOW).campaign, id: 'closed', title: 'Closed' }, []);
    const closed = await call(s.server, 'GET', '/embed/results?campaign=closed');
    expect(directives(closed.headers['content-security-policy']).get('frame-ancestors')).toBe("'self' https://portal.example");

    const api = await call(s.server, 'GET', '/api/campaigns/demo');
    expect(directives(api.headers['content-security-policy']).get('frame-ancestors')).toBe("'none'");
    expect(api.headers['x-frame-options']).toBe('DENY');
  });

  it('lets the map load tiles from https only when the query names a tile server', async () => {
    const none = await call(s.server, 'GET', '/embed/project-map?campaign=demo');
    expect(directives(none.headers['content-security-policy']).get('img-src')).toBe("'self' data: blob:");
    const osm = await call(s.server, 'GET', '/embed/project-map?campaign=demo&tiles=osm&view=list');
    expect(directives(osm.headers['content-security-policy']).get('img-src')).toBe("'self' data: blob: https:");
    expect(osm.text).toContain('<veche-project-map campaign="demo" view="list" tiles="osm"></veche-project-map>');
  });

  it('escapes every value it puts into the page', async () => {
    const text = '"><script>alert(1)</script> Голосуйте & делитесь \'';
    const res = await call(s.server, 'GET', `/embed/share?campaign=demo&text=${encodeURIComponent(text)}&url=${encodeURIComponent('https://city.example/pb?a=1&b="2"')}`);
    expect(res.status).toBe(200);
    expect(res.text).toContain(
      '<veche-share campaign="demo" url="https://city.example/pb?a=1&amp;b=&quot;2&quot;" text="&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt; Голосуйте &amp; делитесь &#39;"></veche-share>',
    );
    expect(res.text).not.toContain('<script>alert');
  });

  it('takes boolean attributes and themes that follow the resident\'s system', async () => {
    const res = await call(s.server, 'GET', '/embed/progress-meter?campaign=demo&view=support&project=demo-8&paused&theme=auto');
    expect(res.text).toContain('<veche-progress-meter campaign="demo" project="demo-8" view="support" paused></veche-progress-meter>');
    expect(res.text).toContain('<link rel="stylesheet" href="/veche/themes/dark.css" media="(prefers-color-scheme: dark)">');
    const light = await call(s.server, 'GET', '/embed/idea-form?campaign=demo');
    expect(light.text).not.toContain('/veche/themes/');
  });

  it.each([
    ['/embed/nothing?campaign=demo', 404, 'There is no element "nothing"'],
    ['/embed/provider?campaign=demo', 404, 'There is no element "provider"'],
    ['/embed/toString?campaign=demo', 404, 'There is no element "toString"'],
    ['/embed/vote-button?project=demo-1', 400, 'campaign='],
    ['/embed/vote-button?campaign=demo', 400, 'project='],
    ['/embed/vote-button?campaign=nowhere&project=demo-1', 404, 'There is no campaign "nowhere"'],
    ['/embed/vote-button?campaign=demo&project=%3Cb%3E', 400, 'project must be an id'],
    ['/embed/vote-button?campaign=de%20mo&project=demo-1', 400, 'campaign must be an id'],
    ['/embed/results?campaign=demo&theme=pink', 400, 'theme must be one of'],
    ['/embed/results?campaign=demo&lang=de', 400, 'lang must be one of'],
    ['/embed/project-list?campaign=demo&page-size=ten', 400, 'page-size must be a whole number'],
    ['/embed/project-map?campaign=demo&tiles=http%3A%2F%2Ftiles.example%2F%7Bz%7D%2F%7Bx%7D%2F%7By%7D.png', 400, 'tiles must be'],
    ['/embed/share?campaign=demo&url=javascript%3Aalert(1)', 400, 'url must be an http(s) address'],
    ['/embed/share?campaign=demo&text=a%0Ab', 400, 'text must be at most 500 characters of text'],
  ])('%s answers %i with the reason, in a page any site may frame', async (url, status, reason) => {
    const res = await call(s.server, 'GET', url);
    expect(res.status).toBe(status);
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(res.text).toContain('role="alert"');
    expect(res.text).toContain(reason.replace(/"/g, '&quot;'));
    const csp = directives(res.headers['content-security-policy']);
    expect(csp.get('frame-ancestors')).toBe('*');
    expect(csp.get('script-src')).toBe("'self'");
  });

  it('answers in English when asked', async () => {
    const res = await call(s.server, 'GET', '/embed/vote-button?campaign=demo&lang=en');
    expect(res.text).toContain('<html lang="en">');
    expect(res.text).toContain('The widget cannot be shown');
  });

  it('serves the pages\' stylesheet (from this origin, as their policy wants)', async () => {
    const res = await call(s.server, 'GET', '/embed/embed.css');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('text/css; charset=utf-8');
    expect(res.text).toContain('body');
  });

  it('takes only real attributes of each element (the custom-elements manifest, when built)', () => {
    let manifest: { modules: { declarations?: { tagName?: string; attributes?: { name: string }[] }[] }[] };
    try {
      manifest = JSON.parse(readFileSync(`${root}packages/elements/custom-elements.json`, 'utf8'));
    } catch {
      return; // `npm run manifest` makes it; the type check runs it first.
    }
    const attributes = new Map(manifest.modules.flatMap((m) => m.declarations ?? []).filter((d) => d.tagName).map((d) => [d.tagName!, new Set((d.attributes ?? []).map((a) => a.name))]));
    for (const [name, element] of Object.entries(EMBED_ELEMENTS)) {
      const known = attributes.get(`veche-${name}`);
      expect(known, name).toBeDefined();
      for (const param of ['campaign', ...Object.keys(element.params)]) expect(known!.has(param), `${name} ${param}`).toBe(true);
    }
  });
});

describe('the strict-CSP example page', () => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startServer('sqlite', { static: [{ prefix: '/', root: `${root}examples/` }] });
  });
  afterAll(() => s.close());

  it('is sent with the host policy the elements need, and nothing else is', async () => {
    const page = await call(s.server, 'GET', '/csp/');
    expect(page.status).toBe(200);
    expect(page.headers['content-security-policy']).toBe(HOST_POLICY);
    expect(HOST_POLICY).toBe("script-src 'self'; style-src 'self'; require-trusted-types-for 'script'; trusted-types lit-html");
    const other = await call(s.server, 'GET', '/');
    expect(other.headers['content-security-policy']).toBeUndefined();
  });
});
