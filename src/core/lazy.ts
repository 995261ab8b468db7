/** A lazy chunk: fetched once (again after a failure), and at hand synchronously once loaded. */
export function lazyChunk<M>(load: () => Promise<M>) {
  let module: M | undefined;
  let loading: Promise<M> | undefined;
  return {
    get: () => module,
    load: (): Promise<M> =>
      (loading ??= load().then(
        (loaded) => (module = loaded),
        (error: unknown) => {
          loading = undefined;
          throw error;
        }
      )),
  };
}

export type Chunk<M> = ReturnType<typeof lazyChunk<M>>;
