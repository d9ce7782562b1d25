import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { expect, within } from 'storybook/test';
import { formatMoney, type Campaign, type Project } from '@veche/core';
import { createMemoryAdapter } from '@veche/core/memory';

interface DemoData {
  campaign: Campaign;
  projects: Project[];
}

/**
 * The demo campaign that `api="memory:demo"` serves to every element: the data stories and tests are
 * built on. Shown here as a plain table so its content can be checked at a glance.
 */
const meta: Meta = {
  title: 'Foundation/Demo campaign',
  loaders: [
    async (): Promise<DemoData> => {
      const adapter = createMemoryAdapter('memory:demo');
      const campaign = await adapter.getCampaign('demo');
      const { items } = await adapter.listProjects('demo', { limit: 100, sort: 'title' });
      return { campaign, projects: items };
    },
  ],
  render: (_args, { loaded }) => {
    const { campaign, projects } = loaded as DemoData;
    return html`
      <h1>${campaign.title}</h1>
      <p>${campaign.municipality}, ${campaign.region}: ${formatMoney(campaign.budget)}</p>
      <table>
        <caption>
          Projects
        </caption>
        <thead>
          <tr>
            <th scope="col">Id</th>
            <th scope="col">Title</th>
            <th scope="col">Status</th>
            <th scope="col">Cost</th>
          </tr>
        </thead>
        <tbody>
          ${projects.map(
            (p) => html`<tr>
              <td>${p.id}</td>
              <td>${p.title}</td>
              <td>${p.status}</td>
              <td>${formatMoney(p.cost)}</td>
            </tr>`,
          )}
        </tbody>
      </table>
    `;
  },
};
export default meta;

export const Projects: StoryObj = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByRole('heading', { level: 1 })).toHaveTextContent('Кедровогорск');
    // 14 public projects (the submitted idea waits for moderation) plus the header row.
    await expect(canvas.getAllByRole('row')).toHaveLength(15);
  },
};
