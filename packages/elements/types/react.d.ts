/**
 * JSX types for React 19: `import type {} from '@veche/elements/react'` once in the app. React 19 sets
 * properties on custom elements (objects such as `adapter` included) and listens to `on<event>` props:
 * `<veche-vote-button project="17" onveche-vote={(e) => e.detail.projectId} />`.
 */
import type { DetailedHTMLProps, HTMLAttributes } from 'react';
import type { VecheEventName, VecheProps, VecheTag } from './props.d.ts';

type EventProps = { [N in VecheEventName as `on${N}`]?: (event: GlobalEventHandlersEventMap[N]) => void };

export type VecheIntrinsicElements = {
  [T in VecheTag]: VecheProps<HTMLElementTagNameMap[T]> &
    EventProps &
    Omit<DetailedHTMLProps<HTMLAttributes<HTMLElementTagNameMap[T]>, HTMLElementTagNameMap[T]>, keyof VecheProps<HTMLElementTagNameMap[T]>>;
};

declare module 'react' {
   
  namespace JSX {
    // eslint-disable-next-line @typescript-eslint/no-empty-object-type
    interface IntrinsicElements extends VecheIntrinsicElements {}
  }
}
