/** The networks `<veche-share>` links to, in their default order. Viber is blocked in Russia: not offered. */
export const SHARE_NETWORKS = ['vk', 'ok', 'telegram', 'max'] as const;
export type ShareNetwork = (typeof SHARE_NETWORKS)[number];

export const isShareNetwork = (value: unknown): value is ShareNetwork => (SHARE_NETWORKS as readonly unknown[]).includes(value);

/** What a resident shared: a network's link, the copied address, or a printed poster. */
export type ShareChannel = ShareNetwork | 'copy' | 'print';
