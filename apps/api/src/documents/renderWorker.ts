import { parentPort, workerData } from 'node:worker_threads';
import { cjkFont } from './cjkFont.js';
import type { DocumentData } from './documentData.js';
import { renderDocument } from './documentRenderer.js';
import { TemplateRegistry, type TemplateSnapshot } from './templateRegistry.js';

/**
 * The render thread (`RenderThread`): pdfkit and fontkit are synchronous CPU work — about 25 ms
 * a page — which on the main thread would hold up every request meanwhile. This thread is given the
 * templates the service read at boot, loads the font once, and renders what it is sent.
 */
export interface RenderRequest {
  id: number;
  templateFile: string;
  data: DocumentData;
  createdAt: string;
}
export type RenderReply = { id: number; pdf: Uint8Array } | { id: number; error: { name: string; message: string } };

// The files the service read at boot (bundled and the province's), not read again from disk.
const snapshot = (workerData as { templates?: TemplateSnapshot } | null)?.templates;
const registry = snapshot ? TemplateRegistry.of(snapshot) : TemplateRegistry.load();
const font = cjkFont();

parentPort!.on('message', async (request: RenderRequest) => {
  try {
    const template = registry.byFile(request.templateFile);
    if (!template) throw new Error(`the render thread has no template ${request.templateFile}`);
    const pdf = await renderDocument(template, request.data, {
      font,
      labels: registry.labels,
      createdAt: new Date(request.createdAt),
    });
    const bytes = new Uint8Array(pdf.buffer, pdf.byteOffset, pdf.byteLength);
    parentPort!.postMessage({ id: request.id, pdf: bytes } satisfies RenderReply);
  } catch (error) {
    const e = error as Error;
    parentPort!.postMessage({
      id: request.id,
      error: { name: e?.name ?? 'Error', message: String(e?.message ?? error) },
    } satisfies RenderReply);
  }
});
