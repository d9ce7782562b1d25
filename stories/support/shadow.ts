import { expect, waitFor } from 'storybook/test';

/** An element's shadow-root descendant. */
export const inside = (el: Element, selector: string) => el.shadowRoot!.querySelector<HTMLElement>(selector);

/** The text of an element's shadow root, spaces squeezed. */
export const shadowText = (el: Element) => el.shadowRoot!.textContent!.replace(/\s+/g, ' ');

/**
 * The `index`-th `tag` in the story once its shadow root shows `selector` (data, a date, an error),
 * so that the story's axe run checks the settled state.
 */
export async function settledIn<K extends keyof HTMLElementTagNameMap>(
  canvas: HTMLElement,
  tag: K,
  selector: string,
  index = 0,
): Promise<HTMLElementTagNameMap[K]> {
  const el = canvas.querySelectorAll(tag)[index]!;
  await waitFor(() => expect(inside(el, selector)).toBeTruthy(), { timeout: 4000 });
  await (el as unknown as { updateComplete?: Promise<unknown> }).updateComplete;
  return el;
}
