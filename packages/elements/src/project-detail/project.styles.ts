import { css } from 'lit';

/** What the list's cards and the detail dialog draw alike: the status label and the facts. */
export const projectStyles = css`
  p,
  dl,
  dd {
    margin: 0;
  }
  .status {
    display: inline-block;
    padding: 0 0.6em;
    border: var(--_border-width) solid var(--_border);
    border-inline-start-width: 0.3em;
    border-radius: var(--_radius);
    font-size: 0.9em;
    font-weight: 600;
  }
  .status[data-status='shortlisted'],
  .status[data-status='selected'],
  .status[data-status='in-progress'],
  .status[data-status='done'] {
    border-color: var(--_success);
  }
  .status[data-status='rejected'],
  .status[data-status='not-selected'] {
    border-color: var(--_danger);
  }
  .facts {
    display: grid;
    gap: 0.15em;
  }
  .facts div {
    display: flex;
    flex-wrap: wrap;
    gap: 0 0.5em;
  }
  dt {
    color: var(--_muted);
  }
  dd {
    font-weight: 600;
  }
`;
