/** `veche-project-open` and `veche-project-close`: the detail dialog showed or closed a project. */
export interface VecheProjectDetailEventDetail {
  projectId: string;
}

/** `veche-project-select` (cancelable): a resident chose a project in a list; `preventDefault()` keeps the dialog shut. */
export interface VecheProjectSelectDetail {
  campaignId: string;
  projectId: string;
}

declare global {
  interface GlobalEventHandlersEventMap {
    'veche-project-open': CustomEvent<VecheProjectDetailEventDetail>;
    'veche-project-close': CustomEvent<VecheProjectDetailEventDetail>;
    'veche-project-select': CustomEvent<VecheProjectSelectDetail>;
  }
}
