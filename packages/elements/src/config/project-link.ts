/**
 * The URL hash that opens a project's detail: `#veche-project=<id>`. A shared link opens the same project
 * in the list or the map of the page it points to.
 */
const PREFIX = '#veche-project=';

export const projectHash = (projectId: string): string => `${PREFIX}${encodeURIComponent(projectId)}`;

/** The project id a hash names, or undefined. */
export function projectFromHash(hash: string = location.hash): string | undefined {
  if (!hash.startsWith(PREFIX)) return undefined;
  try {
    return decodeURIComponent(hash.slice(PREFIX.length)) || undefined;
  } catch {
    return undefined;
  }
}

/** Puts the project in the address bar (replacing, not adding, a history entry), or takes it out. */
export function setProjectHash(projectId: string | undefined): void {
  const url = new URL(location.href);
  const next = projectId === undefined ? '' : projectHash(projectId);
  if (url.hash === next || (!next && !projectFromHash(url.hash))) return;
  url.hash = next;
  history.replaceState(history.state, '', url.href);
}
