import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** Where a data task stands; the same numbers as @lit/task's TaskStatus. */
export const TaskStatus = { INITIAL: 0, PENDING: 1, COMPLETE: 2, ERROR: 3 } as const;
export type TaskStatus = (typeof TaskStatus)[keyof typeof TaskStatus];

/** A task function's answer while its inputs are missing: the task stays idle. */
export const initialState: unique symbol = Symbol('veche-initial');

export type TaskFunction<A extends readonly unknown[], T> = (args: A, options: { signal: AbortSignal }) => Promise<T | typeof initialState>;

/** What rendering needs of a task. */
export interface TaskView<T> {
  readonly status: TaskStatus;
  readonly value: T | undefined;
  readonly error: unknown;
  run(): Promise<void>;
}

/**
 * The small part of @lit/task the elements use, in a third of its size: runs before each render when
 * its arguments change (shallow comparison), aborts the previous run, keeps the last value while a new
 * run is pending, and exposes `status`, `value`, `error` and `run()`.
 */
export class DataTask<A extends readonly unknown[], T> implements ReactiveController, TaskView<T> {
  status: TaskStatus = TaskStatus.INITIAL;
  value: T | undefined;
  error: unknown;

  readonly #host: ReactiveControllerHost;
  readonly #task: TaskFunction<A, T>;
  readonly #args: () => A;
  readonly #onError: ((error: unknown) => void) | undefined;
  #last: A | undefined;
  #abort: AbortController | undefined;
  #call = 0;

  constructor(host: ReactiveControllerHost, task: TaskFunction<A, T>, args: () => A, onError?: (error: unknown) => void) {
    this.#host = host;
    this.#task = task;
    this.#args = args;
    this.#onError = onError;
    host.addController(this);
  }

  hostUpdate(): void {
    const args = this.#args();
    const last = this.#last;
    if (last && last.length === args.length && args.every((a, i) => a === last[i])) return;
    void this.#perform(args);
  }

  /** Runs the task again now (a retry); resolves when it has settled. */
  run(): Promise<void> {
    const done = this.#perform(this.#args());
    this.#host.requestUpdate();
    return done;
  }

  async #perform(args: A): Promise<void> {
    this.#last = args;
    this.#abort?.abort();
    const abort = (this.#abort = new AbortController());
    const call = ++this.#call;
    this.status = TaskStatus.PENDING;
    try {
      const result = await this.#task(args, { signal: abort.signal });
      if (call !== this.#call) return;
      if (result === initialState) this.status = TaskStatus.INITIAL;
      else {
        this.value = result;
        this.error = undefined;
        this.status = TaskStatus.COMPLETE;
      }
    } catch (error) {
      if (call !== this.#call) return;
      this.error = error;
      this.status = TaskStatus.ERROR;
      this.#onError?.(error);
    }
    this.#host.requestUpdate();
  }
}
