import { expect, fixture, html } from '@open-wc/testing';
import { VecheElement } from '../src/base/veche-element.ts';

class TestElement extends VecheElement {}
class OtherCopy extends VecheElement {}

describe('VecheElement', () => {
  it('defines a tag once and warns, without throwing, when another copy owns it', () => {
    const warnings: unknown[][] = [];
    const original = console.warn;
    console.warn = (...args: unknown[]) => warnings.push(args);
    try {
      expect(VecheElement.define('veche-test-base', TestElement)).to.equal(true);
      expect(VecheElement.define('veche-test-base', TestElement)).to.equal(false);
      expect(warnings).to.have.length(0);
      expect(VecheElement.define('veche-test-base', OtherCopy)).to.equal(false);
      expect(customElements.get('veche-test-base')).to.equal(TestElement);
      expect(String(warnings[0]?.[0])).to.contain('<veche-test-base> is already defined');
    } finally {
      console.warn = original;
    }
  });

  it('emits events that bubble out of shadow roots and can be cancelled', async () => {
    VecheElement.define('veche-test-base', TestElement);
    const host = await fixture<HTMLDivElement>(html`<div><veche-test-base></veche-test-base></div>`);
    const el = host.querySelector('veche-test-base') as TestElement;
    const seen: CustomEvent<{ id: string }>[] = [];
    host.addEventListener('veche-thing', (e) => {
      seen.push(e as CustomEvent<{ id: string }>);
      e.preventDefault();
    });
    expect(el.emit('veche-thing', { id: 'demo-1' })).to.equal(true);
    expect(el.emit('veche-thing', { id: 'demo-2' }, { cancelable: true })).to.equal(false);
    expect(seen.map((e) => e.detail.id)).to.deep.equal(['demo-1', 'demo-2']);
    expect(seen[0]!.composed).to.equal(true);
  });
});
