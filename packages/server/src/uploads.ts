import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/** Where uploaded photos live: a folder by default; an object store can take its place. */
export interface ImageStore {
  put(name: string, bytes: Uint8Array): Promise<void>;
  /** The bytes, or null when there is no such file. */
  get(name: string): Promise<Uint8Array | null>;
}

/** Photos as files under one folder (`DATA_DIR/uploads`). */
export class DiskImageStore implements ImageStore {
  readonly #dir: string;
  #ready: Promise<unknown> | undefined;

  constructor(dir: string) {
    this.#dir = dir;
  }

  async put(name: string, bytes: Uint8Array): Promise<void> {
    this.#ready ??= mkdir(this.#dir, { recursive: true });
    await this.#ready;
    await writeFile(join(this.#dir, safe(name)), bytes, { flag: 'wx' });
  }

  async get(name: string): Promise<Uint8Array | null> {
    try {
      return await readFile(join(this.#dir, safe(name)));
    } catch {
      return null;
    }
  }
}

/** Photos in memory: tests and a server without a data folder. */
export class MemoryImageStore implements ImageStore {
  readonly #files = new Map<string, Uint8Array>();
  async put(name: string, bytes: Uint8Array): Promise<void> {
    this.#files.set(safe(name), bytes);
  }
  async get(name: string): Promise<Uint8Array | null> {
    return this.#files.get(safe(name)) ?? null;
  }
}

function safe(name: string): string {
  if (!/^[A-Za-z0-9][A-Za-z0-9._-]{0,80}$/.test(name) || name.includes('..')) throw new RangeError(`Not a file name: ${name}`);
  return name;
}
