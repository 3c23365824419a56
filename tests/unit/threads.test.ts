import type { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { startThread } from '../../src/build/threads.ts';

const fixture = (name: string) => new URL(`../fixtures/threads/${name}`, import.meta.url);

function firstMessage(worker: Worker): Promise<{ cache: string | null; workerData: unknown }> {
  return new Promise((resolve, reject) => {
    worker.once('message', resolve);
    worker.once('error', reject);
  }).finally(() => worker.terminate()) as Promise<{ cache: string | null; workerData: unknown }>;
}

describe('a worker thread of the build', () => {
  it('runs its module with its workerData, and Node’s compile cache on, as Astro’s CLI has it', async () => {
    const { CI: _, ...env } = process.env;
    const reply = await firstMessage(startThread(fixture('reply.ts'), { workerData: { n: 1 }, env }));
    expect(reply.workerData).toEqual({ n: 1 });
    expect(reply.cache).toEqual(expect.any(String));
  });

  it('leaves the compile cache off in CI, as Astro’s CLI does', async () => {
    const reply = await firstMessage(startThread(fixture('reply.ts'), { env: { ...process.env, CI: 'true' } }));
    expect(reply.cache).toBeNull();
  });

  it('fails with the error of a module that cannot load', async () => {
    await expect(firstMessage(startThread(fixture('throws.ts')))).rejects.toThrow('this module cannot load');
  });
});
