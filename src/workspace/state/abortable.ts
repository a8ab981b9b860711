// A shared request's answer, awaited by one caller who may cancel: the caller's abort rejects
// its own wait (as the Batch client would say it) without cancelling the request the other
// waiters still want. The stats and content caches both hand out shared requests this way.

/** Waits for `promise` unless `signal` aborts first; `cancelled` is the error an abort gives. */
export function abortable<T>(promise: Promise<T>, signal: AbortSignal | undefined, cancelled: () => Error): Promise<T> {
  if (!signal) return promise;
  if (signal.aborted) return Promise.reject(cancelled());
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(cancelled());
    signal.addEventListener("abort", onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener("abort", onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener("abort", onAbort);
        reject(error);
      },
    );
  });
}
