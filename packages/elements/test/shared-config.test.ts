import { expect, fixture, html } from '@open-wc/testing';
import { onSharedFilters, shareFilters, type ProjectFilters } from '../src/config/filters.ts';
import { projectFromHash, projectHash, setProjectHash } from '../src/config/project-link.ts';

describe('shared filters and project links', () => {
  it('passes filter changes to the other elements of the same campaign only', async () => {
    const holder = await fixture<HTMLDivElement>(html`<div><span id="a"></span><span id="b"></span><span id="c"></span></div>`);
    const [a, b, c] = ['#a', '#b', '#c'].map((s) => holder.querySelector(s)!);
    const heardB: ProjectFilters[] = [];
    const heardA: ProjectFilters[] = [];
    const heardC: ProjectFilters[] = [];
    const off = [
      onSharedFilters(a!, () => 'demo', (f) => heardA.push(f)),
      onSharedFilters(b!, () => 'demo', (f) => heardB.push(f)),
      onSharedFilters(c!, () => 'other', (f) => heardC.push(f)),
    ];
    shareFilters(a!, 'demo', { district: ['north'], q: 'сквер' });
    expect(heardB).to.deep.equal([{ district: ['north'], q: 'сквер' }]);
    expect(heardA).to.deep.equal([]);
    expect(heardC).to.deep.equal([]);
    off.forEach((f) => f());
    shareFilters(a!, 'demo', {});
    expect(heardB).to.have.length(1);
  });

  it('reads and writes project hashes without adding history entries', () => {
    expect(projectHash('M/31/VIII')).to.equal('#veche-project=M%2F31%2FVIII');
    expect(projectFromHash('#veche-project=M%2F31%2FVIII')).to.equal('M/31/VIII');
    expect(projectFromHash('#other')).to.equal(undefined);
    expect(projectFromHash('#veche-project=%E0%A4%A')).to.equal(undefined);
    const length = history.length;
    setProjectHash('demo-3');
    expect(location.hash).to.equal('#veche-project=demo-3');
    setProjectHash(undefined);
    expect(location.hash).to.equal('');
    expect(history.length).to.equal(length);
  });
});
