import { noChange } from 'lit';
import { Directive, PartType, directive, type ElementPart, type PartInfo } from 'lit/directive.js';

/**
 * Sets CSS properties on an element through the CSSOM (`style.setProperty`), always:
 * `<div ${cssProps({ '--value': '40%' })}>`. Lit's `styleMap` writes its first render as a `style`
 * attribute, which a Content-Security-Policy without `'unsafe-inline'` in `style-src` blocks; CSSOM writes
 * are not inline styles, so strict-CSP pages keep the bars, markers and swatches.
 */
class CssProps extends Directive {
  #names = new Set<string>();

  constructor(info: PartInfo) {
    super(info);
    if (info.type !== PartType.ELEMENT) throw new Error('cssProps() goes in an element position: <div ${cssProps({…})}>');
  }

  render(_props: Readonly<Record<string, string>>): typeof noChange {
    return noChange;
  }

  override update(part: ElementPart, [props]: [Readonly<Record<string, string>>]): typeof noChange {
    const style = (part.element as HTMLElement).style;
    for (const name of this.#names) if (!(name in props)) style.removeProperty(name);
    for (const [name, value] of Object.entries(props)) if (style.getPropertyValue(name) !== value) style.setProperty(name, value);
    this.#names = new Set(Object.keys(props));
    return noChange;
  }
}

export const cssProps = directive(CssProps);
