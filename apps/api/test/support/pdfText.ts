import type request from 'supertest';
import { extractText, getDocumentProxy } from 'unpdf';

/** A supertest parser that keeps the body as bytes (a PDF, a .docx, an .xlsx): `.buffer(true).parse(bytes)`. */
export function bytes(res: request.Response, done: (error: Error | null, body: Buffer) => void): void {
  // superagent hands the parser the response stream, typed as its Response.
  const stream = res as unknown as NodeJS.ReadableStream;
  const chunks: Buffer[] = [];
  stream.on('data', (c: Buffer) => chunks.push(c));
  stream.on('end', () => done(null, Buffer.concat(chunks)));
}

/**
 * A PDF's running text as pdf.js reads it, pages joined. pdf.js breaks lines where the layout
 * wrapped them, so whitespace is dropped and the fields are checked on the running text.
 */
export async function pdfText(pdf: Buffer | Uint8Array): Promise<string> {
  const { text } = await extractText(await getDocumentProxy(new Uint8Array(pdf)), { mergePages: true });
  return text.replace(/\s+/g, '');
}
