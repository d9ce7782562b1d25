import { css } from 'lit';

/**
 * One column that wraps (320 px, 200 % zoom): each comment's name, badges and time wrap above its text,
 * buttons wrap under it, replies are indented a little. Official answers have a thick start border and a
 * text badge, stances a sign and a word: colour is never the only difference. (The forms and a comment's
 * buttons bring their own styles: comments.form.styles.ts.)
 */
export const styles = css`
  :host {
    --_cm-official: var(--veche-comments-official, var(--_primary));
    --_cm-indent: var(--veche-comments-indent, 1.25em);
  }
  .section {
    display: grid;
    gap: 0.75em;
    min-inline-size: 0;
  }
  h2,
  p,
  ol {
    margin: 0;
  }
  h2 {
    font-size: 1.35em;
    line-height: 1.25;
  }
  ol {
    display: grid;
    gap: 0.75em;
    padding: 0;
    list-style: none;
  }
  .summary,
  .meta,
  .actions,
  .sort {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.25em 0.75em;
  }
  .comment {
    display: grid;
    gap: 0.4em;
    padding: 0.75em 1em;
    border: var(--_border-width) solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_bg);
  }
  .comment[data-official] {
    border-inline-start: 0.35em solid var(--_cm-official);
    background: var(--_surface);
  }
  .replies {
    margin-inline-start: var(--_cm-indent);
  }
  .author {
    font-weight: 700;
  }
  .badge {
    padding: 0 0.4em;
    border: var(--_border-width) solid currentColor;
    border-radius: var(--_radius);
    font-size: 0.9em;
  }
  .official {
    color: var(--_cm-official);
    font-weight: 600;
  }
  .body {
    white-space: pre-line;
  }
`;
