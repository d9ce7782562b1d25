import { css } from 'lit';

/**
 * Links and the QR code side by side when there is room, one column at 320 px and 200 % zoom. The QR
 * code stays black on white with its quiet zone in every theme: scanners need the contrast.
 */
export const styles = css`
  .base {
    display: flex;
    flex-wrap: wrap;
    align-items: flex-start;
    gap: 1em 1.5em;
  }
  .base > .alert {
    flex: 1 1 100%;
  }
  .alert p {
    margin: 0 0 0.5em;
  }
  .links {
    display: grid;
    flex: 1 1 16em;
    gap: 0.75em;
    min-inline-size: 0;
  }
  .label {
    margin: 0;
    font-weight: 600;
  }
  .networks {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5em;
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .copy {
    display: grid;
    gap: 0.25em;
  }
  .row {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5em;
  }
  input {
    flex: 1 1 12em;
    min-inline-size: 0;
  }
  .status {
    min-block-size: 1.5em;
    margin: 0;
    color: var(--_success);
    font-weight: 600;
  }
  .qr-box {
    display: grid;
    justify-items: center;
    gap: 0.5em;
  }
  .qr {
    display: block;
    inline-size: var(--veche-share-qr-size, 10em);
    max-inline-size: 100%;
    block-size: auto;
    aspect-ratio: 1;
  }
  svg.qr {
    outline: var(--_border-width) solid var(--_border);
  }
`;
