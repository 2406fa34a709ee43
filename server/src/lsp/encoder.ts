/**
 * The JSON encoding of outgoing messages over a stream (stdio, socket, pipe),
 * with one shortcut for textDocument/publishDiagnostics.
 *
 * The server publishes every diagnostic of a document on every keystroke: a
 * 200 KB collection has hundreds, and turning them into JSON and UTF-8 again
 * each time cost more than checking the keystroke itself. Diagnostics of
 * unchanged lines are the same objects from one publication to the next
 * (diagnostics.ts), so each one's UTF-8 JSON is kept beside it, and a
 * publication is the message's frame around the kept pieces. Any other message,
 * or another charset, is encoded the ordinary way.
 */
import type { ContentTypeEncoder, ContentTypeEncoderOptions, Message } from 'vscode-languageserver/node';

const PUBLISH_DIAGNOSTICS = 'textDocument/publishDiagnostics';
/** Stands for the diagnostics in the frame; a NUL cannot occur unescaped in JSON text. */
const SLOT = '\u0000zongjie-diagnostics\u0000';
const SLOT_JSON = JSON.stringify(SLOT);

const ENCODED = new WeakMap<object, Buffer>();
const COMMA = Buffer.from(',');

function encoded(diagnostic: object): Buffer {
  let b = ENCODED.get(diagnostic);
  if (b === undefined) {
    b = Buffer.from(JSON.stringify(diagnostic), 'utf8');
    ENCODED.set(diagnostic, b);
  }
  return b;
}

interface PublishMessage {
  method: string;
  params: { diagnostics: unknown[] };
}

function isPublish(msg: Message): msg is Message & PublishMessage {
  const m = msg as Partial<PublishMessage>;
  return m.method === PUBLISH_DIAGNOSTICS && typeof m.params === 'object' && m.params !== null && Array.isArray(m.params.diagnostics);
}

function isUtf8(charset: string): boolean {
  return /^utf-?8$/i.test(charset);
}

/** The publication as UTF-8 JSON, from the kept encodings of its diagnostics. */
export function encodePublication(msg: Message & PublishMessage): Buffer {
  const diagnostics = msg.params.diagnostics;
  const frame = JSON.stringify({ ...msg, params: { ...msg.params, diagnostics: SLOT } });
  const at = frame.indexOf(SLOT_JSON);
  const parts: Buffer[] = [Buffer.from(frame.slice(0, at) + '[', 'utf8')];
  for (let i = 0; i < diagnostics.length; i++) {
    const d = diagnostics[i];
    if (i > 0) parts.push(COMMA);
    // Diagnostics are plain objects; anything else is encoded on the spot.
    parts.push(typeof d === 'object' && d !== null ? encoded(d) : Buffer.from(JSON.stringify(d), 'utf8'));
  }
  parts.push(Buffer.from(']' + frame.slice(at + SLOT_JSON.length), 'utf8'));
  return Buffer.concat(parts);
}

export const jsonEncoder: ContentTypeEncoder = {
  name: 'application/json',
  encode(msg: Message, options: ContentTypeEncoderOptions): Promise<Uint8Array> {
    try {
      if (isPublish(msg) && isUtf8(options.charset)) return Promise.resolve(encodePublication(msg));
      return Promise.resolve(Buffer.from(JSON.stringify(msg), options.charset));
    } catch (e) {
      return Promise.reject(e);
    }
  },
};
