// JSX types for the Veche elements in this example (the package ships complete ones later).
import type { DetailedHTMLProps, HTMLAttributes } from 'react';

type VecheProps = DetailedHTMLProps<HTMLAttributes<HTMLElement>, HTMLElement> & Record<string, unknown>;

declare module 'react' {
  namespace JSX {
    interface IntrinsicElements {
      'veche-provider': VecheProps;
      'veche-vote-button': VecheProps;
      'veche-progress-meter': VecheProps;
      'veche-idea-form': VecheProps;
    }
  }
}
