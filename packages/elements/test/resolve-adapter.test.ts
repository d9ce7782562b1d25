import { expect } from '@open-wc/testing';
import { pageApi, resolveAdapter } from '../src/config/resolve-adapter.ts';

describe('resolveAdapter', () => {
  it('gives the demo MemoryAdapter for memory:demo, one instance per address', async () => {
    const a = await resolveAdapter('memory:demo');
    const b = await resolveAdapter(' memory:demo ');
    expect(a).to.equal(b);
    const campaign = await a.getCampaign('demo');
    expect(campaign.municipality).to.equal('Кедровогорск');
    expect(await resolveAdapter('memory:demo?phase=results')).not.to.equal(a);
  });

  it('gives the HTTP adapter for https:// addresses and same-site paths', async () => {
    const remote = await resolveAdapter('https://pb.city.example/api');
    expect(remote.constructor.name).to.equal('RestAdapter');
    expect((remote as unknown as { baseUrl: string }).baseUrl).to.equal('https://pb.city.example/api');
    const local = (await resolveAdapter('/api')) as unknown as { baseUrl: string };
    expect(local.baseUrl).to.equal(`${location.origin}/api`);
  });

  it("gives the HTTP adapter the provider's timeout and retries, one instance per setting", async () => {
    const plain = await resolveAdapter('https://patience.example/api');
    const patient = await resolveAdapter('https://patience.example/api', { timeout: 60000, retries: 5 });
    expect(patient).not.to.equal(plain);
    expect(await resolveAdapter(' https://patience.example/api ', { timeout: 60000, retries: 5 })).to.equal(patient);
    expect(await resolveAdapter('https://patience.example/api', {})).to.equal(plain);
  });

  it('refuses addresses it cannot use with a VecheError', async () => {
    for (const api of ['ftp://x', 'memory:demo?phase=party']) {
      let code = '';
      try {
        await resolveAdapter(api);
      } catch (e) {
        code = (e as { code: string }).code;
      }
      expect(code, api).to.equal('invalid-input');
    }
  });

  it('reads the page-wide api from a meta tag', () => {
    const doc = document.implementation.createHTMLDocument('t');
    expect(pageApi(doc)).to.equal(undefined);
    const meta = doc.createElement('meta');
    meta.name = 'veche:api';
    meta.content = ' https://pb.city.example/api ';
    doc.head.append(meta);
    expect(pageApi(doc)).to.equal('https://pb.city.example/api');
  });
});
