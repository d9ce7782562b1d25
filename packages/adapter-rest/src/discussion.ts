type TokenStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

const randomDeviceId = (): string =>
  Array.from(globalThis.crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');

/**
 * This browser's id for low-stakes (device) polls, kept in the adapter's storage beside the token. It
 * only names "my answer" on this browser: the server also keys device answers by a fingerprint, so a
 * browser that forgets its id does not get a second answer (docs/discussion.md says what that cannot stop).
 */
export function deviceId(storage: TokenStorage, key: string): string {
  try {
    const stored = storage.getItem(key);
    if (stored && /^[A-Za-z0-9_-]{16,64}$/.test(stored)) return stored;
    const id = randomDeviceId();
    storage.setItem(key, id);
    return id;
  } catch {
    return randomDeviceId();
  }
}

/**
 * What the browser says of the device and keeps when storage is cleared: the screen (either way round,
 * so turning a phone does not change it), colour depth, time zone, languages, platform, cores, memory
 * and touch points. Browser zoom is left out (it changes the pixel ratio). Empty outside a browser.
 */
export function deviceHints(): string {
  const nav = globalThis.navigator as (Navigator & { deviceMemory?: number }) | undefined;
  const screen = globalThis.screen as Screen | undefined;
  if (!nav) return '';
  let zone = '';
  try {
    zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  } catch {
    // No Intl time zones: one hint fewer.
  }
  const parts = [
    screen ? `${Math.min(screen.width, screen.height)}x${Math.max(screen.width, screen.height)}x${screen.colorDepth}` : '',
    zone,
    (nav.languages ?? []).join(','),
    nav.platform ?? '',
    String(nav.hardwareConcurrency ?? ''),
    String(nav.deviceMemory ?? ''),
    String(nav.maxTouchPoints ?? ''),
  ];
  return parts.join('|').slice(0, 500);
}
