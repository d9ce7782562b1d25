/** An e-mail address (lower case) or a phone number (digits with a leading +), or undefined. */
export function normalizeContact(contact: string): string | undefined {
  const value = contact.trim();
  if (/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value)) return value.toLowerCase();
  const digits = value.replace(/[\s()-]/g, '');
  if (/^\+?\d{10,15}$/.test(digits)) {
    const plain = digits.replace(/^\+/, '');
    // Russian numbers written 8XXXXXXXXXX become +7XXXXXXXXXX.
    return plain.length === 11 && plain.startsWith('8') ? `+7${plain.slice(1)}` : `+${plain}`;
  }
  return undefined;
}

/** Hides most of a contact: `a***@city.ru`, `+7 *** ***-**-42`. */
export function maskContact(contact: string): string {
  const at = contact.indexOf('@');
  if (at > 0) return `${contact[0]}***${contact.slice(at)}`;
  return `${contact.slice(0, 2)} *** ***-**-${contact.slice(-2)}`;
}

/** Voting codes are read from paper: case, spaces and dashes do not matter. */
export const normalizeCode = (code: string): string => code.toUpperCase().replace(/[\s-]/g, '');
