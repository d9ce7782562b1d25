/**
 * Who opens the project a shared link names (`#veche-project=<id>`) when several elements on a page could
 * (two lists, a list and a map): the first to ask. An element that shows a project, or is about to,
 * answers `veche-project-claim` for it; being a DOM event, this works across copies of Veche on one page.
 */
const CLAIM = 'veche-project-claim';

/** Whether no other element shows or is opening this project; the caller then opens it. */
export function claimProject(projectId: string): boolean {
  return document.dispatchEvent(new CustomEvent(CLAIM, { detail: projectId, cancelable: true }));
}

/** Answers claims for the project `held()` names, until the returned function is called. */
export function holdProject(held: () => string | undefined): () => void {
  const answer = (event: Event) => {
    if ((event as CustomEvent<string>).detail === held()) event.preventDefault();
  };
  document.addEventListener(CLAIM, answer);
  return () => document.removeEventListener(CLAIM, answer);
}
