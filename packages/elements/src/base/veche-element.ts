import { LitElement } from 'lit';

/** Options of `VecheElement.emit`. */
export interface EmitOptions {
  /** Lets a listener veto the action with `preventDefault()`. */
  cancelable?: boolean;
}

/**
 * The base of every Veche element: a typed `emit` (bubbling and composed, so a host page hears events
 * from inside shadow roots) and a guarded `define` that warns instead of throwing when another copy
 * of Veche already owns the tag (two embedded widgets on one page is a real case).
 */
export class VecheElement extends LitElement {
  /**
   * Registers `ctor` as `tag` unless the tag is taken. Returns true when this call defined it.
   * A different class under the same tag means a second copy of Veche: it warns once and does not throw.
   */
  static define(tag: string, ctor: CustomElementConstructor = this, registry: CustomElementRegistry = customElements): boolean {
    const existing = registry.get(tag);
    if (existing === ctor) return false;
    if (existing) {
      console.warn(`<${tag}> is already defined by another copy of Veche on this page; this copy is not used.`);
      return false;
    }
    registry.define(tag, ctor);
    return true;
  }

  /**
   * Dispatches a `CustomEvent` that bubbles and crosses shadow roots. Returns false when a listener
   * cancelled it (only for cancelable events).
   */
  emit<T>(name: `veche-${string}`, detail: T, options: EmitOptions = {}): boolean {
    return this.dispatchEvent(
      new CustomEvent<T>(name, { detail, bubbles: true, composed: true, cancelable: options.cancelable ?? false }),
    );
  }
}
