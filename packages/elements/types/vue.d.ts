/**
 * Template types for Vue 3 (Volar / vue-tsc): `import type {} from '@veche/elements/vue'` once in the app,
 * and tell the compiler the tags are custom elements (`isCustomElement: (tag) => tag.startsWith('veche-')`).
 * `:adapter="adapter"` sets the property, `@veche-vote="onVote"` listens to the event.
 */
import type { DefineComponent } from 'vue';
import type { Camel, VecheEventName, VecheProps, VecheTag } from './props.d.ts';

type EventProps = { [N in VecheEventName as `on${Camel<N>}`]?: (event: GlobalEventHandlersEventMap[N]) => void };

export type VecheGlobalComponents = {
  [T in VecheTag]: DefineComponent<VecheProps<HTMLElementTagNameMap[T]> & EventProps>;
};

declare module 'vue' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface GlobalComponents extends VecheGlobalComponents {}
}
