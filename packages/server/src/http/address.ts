import { isIPv6 } from 'node:net';

/**
 * The key per-address limits count under: an IPv4 address as it is (also when IPv4-mapped, `::ffff:`),
 * an IPv6 address by its /64 network. One IPv6 subscriber or server gets a whole /64, so a limit per
 * single address would hand an attacker 2^64 fresh budgets.
 */
export function addressKey(ip: string): string {
  const address = ip.split('%')[0]!.toLowerCase();
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(address);
  if (mapped) return mapped[1]!;
  if (!isIPv6(address)) return address;
  const [head = '', tail] = address.split('::');
  const groups = (part: string | undefined) => (part ? part.split(':').flatMap((g) => (g.includes('.') ? ['0', '0'] : [g])) : []);
  const start = groups(head);
  const end = groups(tail);
  const full = tail === undefined ? start : [...start, ...Array<string>(8 - start.length - end.length).fill('0'), ...end];
  return `${full.slice(0, 4).map((g) => parseInt(g, 16).toString(16)).join(':')}::/64`;
}
