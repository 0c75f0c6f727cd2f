/** The environment a process runs with: what `process.env` holds, without the `undefined` noise of its index type. */
export type Env = Readonly<Record<string, string | undefined>>;
