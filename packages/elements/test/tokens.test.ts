import { expect } from '@open-wc/testing';
import { light } from '../src/styles/themes.ts';
import { tokens } from '../src/styles/tokens.ts';

describe('tokens', () => {
  it('fall back to the light theme for every public token, each read once', () => {
    const read = [...tokens.cssText.matchAll(/--_[\w-]+:\s*var\(--veche-([\w-]+),\s*([^;]+?)\);/g)].map(([, name, value]) => [name, value]);
    expect(read.map(([name]) => name).sort()).to.deep.equal(Object.keys(light).sort());
    for (const [name, value] of read) expect(value, name).to.equal(light[name!]);
  });

  it('give an element the light values when the page sets no token', async () => {
    const host = document.createElement('div');
    const root = host.attachShadow({ mode: 'open' });
    const sheet = tokens.styleSheet!;
    root.adoptedStyleSheets = [sheet];
    document.body.append(host);
    try {
      const style = getComputedStyle(host);
      expect(style.getPropertyValue('--_text').trim()).to.equal(light['color-text']);
      expect(style.getPropertyValue('--_radius').trim()).to.equal(light['radius']);
      host.style.setProperty('--veche-color-text', '#123456');
      expect(getComputedStyle(host).getPropertyValue('--_text').trim()).to.equal('#123456');
    } finally {
      host.remove();
    }
  });
});
