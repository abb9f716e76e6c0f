/** A JSON value inside the simulated node state. */
export type SimValue = string | number | boolean | null | SimValue[] | { [key: string]: SimValue };

/** One interface as `nmstatectl show` reports it (nmstate's JSON keys). */
export type SimIface = { name: string; type?: string; [key: string]: SimValue | undefined };
