import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { DocumentData } from './documentData.js';
import type { RenderReply, RenderRequest } from './renderWorker.js';
import type { TemplateSnapshot } from './templateRegistry.js';

/**
 * Renders documents on a worker thread, so that the producer's rendering never holds up the
 * requests and timers of the instance. Started at the first render; one thread, one render at a
 * time (the producer issues documents one by one). Where the worker cannot run — the sources run
 * by the tests, which Node cannot load as a worker — `available` is false and the caller renders
 * in-thread.
 */
export class RenderThread {
  private worker: Worker | undefined;
  private nextId = 0;
  private readonly pending = new Map<number, { resolve: (pdf: Buffer) => void; reject: (error: Error) => void }>();
  private static readonly FILE = new URL('./renderWorker.js', import.meta.url);

  /** `templates`: the files the service read at boot, so the thread prints the same bytes the documents record. */
  constructor(private readonly templates?: TemplateSnapshot) {}

  static get available(): boolean {
    return import.meta.url.endsWith('.js') && existsSync(fileURLToPath(RenderThread.FILE));
  }

  render(templateFile: string, data: DocumentData, createdAt: Date): Promise<Buffer> {
    const worker = this.started();
    const id = ++this.nextId;
    return new Promise<Buffer>((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      worker.postMessage({ id, templateFile, data, createdAt: createdAt.toISOString() } satisfies RenderRequest);
    });
  }

  async stop(): Promise<void> {
    await this.worker?.terminate();
    this.worker = undefined;
  }

  private started(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(RenderThread.FILE, { workerData: { templates: this.templates } });
    worker.unref(); // never what keeps the process alive
    worker.on('message', (reply: RenderReply) => {
      const waiting = this.pending.get(reply.id);
      this.pending.delete(reply.id);
      if (!waiting) return;
      if ('pdf' in reply) waiting.resolve(Buffer.from(reply.pdf.buffer, reply.pdf.byteOffset, reply.pdf.byteLength));
      else waiting.reject(Object.assign(new Error(reply.error.message), { name: reply.error.name }));
    });
    worker.on('error', (error) => this.failAll(error));
    worker.on('exit', (code) => {
      if (this.worker === worker) this.worker = undefined;
      this.failAll(new Error(`the render thread exited (code ${code})`));
    });
    this.worker = worker;
    return worker;
  }

  private failAll(error: Error): void {
    for (const waiting of this.pending.values()) waiting.reject(error);
    this.pending.clear();
  }
}
