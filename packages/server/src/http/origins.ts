/**
 * Whether `origin` is on the allow-list: an exact origin, or `https://*.city.example`, which admits
 * every subdomain (`https://pb.city.example`, `https://a.b.city.example`) but neither the bare domain
 * nor another scheme.
 */
export function originAllowed(origin: string, allowed: readonly string[]): boolean {
  const lower = origin.toLowerCase();
  for (const entry of allowed) {
    const pattern = entry.toLowerCase();
    if (pattern === lower) return true;
    const star = pattern.indexOf('://*.');
    if (star < 0) continue;
    const scheme = pattern.slice(0, star + 3);
    const base = pattern.slice(star + 4);
    if (lower.startsWith(scheme) && lower.endsWith(base) && lower.length > scheme.length + base.length) {
      const host = lower.slice(scheme.length, lower.length - base.length);
      if (/^[a-z0-9-]+(\.[a-z0-9-]+)*$/.test(host)) return true;
    }
  }
  return false;
}
