import { html } from 'lit';
import { VecheWidget } from '../../src/base/veche-widget.ts';

/** A minimal data element on the shared base: shows the campaign's title. */
export class TestCampaignTitle extends VecheWidget {
  readonly campaignTask = this.load(
    () => [this.campaignId] as const,
    (adapter, [id], signal) => adapter.getCampaign(this.requireCampaign(id), { signal }),
  );

  protected override render() {
    return html`<div part="base">${this.renderTask(this.campaignTask, (c) => html`<h2>${c.title}</h2><p>${this.common.retry}</p>`)}</div>`;
  }
}
VecheWidget.define('veche-test-campaign-title', TestCampaignTitle);
