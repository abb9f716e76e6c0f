/** Time as modules see it, through the task context: the engine passes the system clock, a test virtual time. */
export interface Clock {
  /** Milliseconds, as Date.now(). */
  now(): number;
  sleep(ms: number): Promise<void>;
}
