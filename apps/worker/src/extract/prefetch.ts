/**
 * Bounded prefetch: start producing up to `depth` items ahead of the consumer. Used to decode
 * image batches (sharp runs on the libuv thread pool) while the model computes on the main
 * thread. The producer must not reject (errors are values).
 */
export async function* prefetch<J, R>(jobs: J[], produce: (job: J) => Promise<R>, depth: number): AsyncGenerator<{ job: J; result: R }> {
  const q: { job: J; p: Promise<R> }[] = [];
  let next = 0;
  const fill = (): void => {
    while (q.length < Math.max(1, depth) && next < jobs.length) {
      const job = jobs[next++];
      q.push({ job, p: produce(job) });
    }
  };
  fill();
  while (q.length) {
    const head = q.shift() as { job: J; p: Promise<R> };
    const result = await head.p;
    fill();
    yield { job: head.job, result };
  }
}
