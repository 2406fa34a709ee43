/**
 * The stream the server's messages go out on over stdio, each message in one
 * write. vscode-languageserver's own stream writes a message's header, waits
 * for that write to call back, then writes its body: two system calls in two
 * turns of the event loop for every message (on every keystroke, the
 * diagnostics' publication), and a client that wakes up for the header alone.
 * This one holds a header back until its body comes and gives both to the real
 * stream corked, which writes them together (one `writev` on a pipe or a
 * socket, without copying the body).
 */
import type { Writable } from 'node:stream';
import type { RAL } from 'vscode-languageserver/node';

/** The part of a Node writable stream this needs (process.stdout is one). */
export type FrameTarget = Pick<Writable, 'on' | 'off' | 'write' | 'cork' | 'uncork' | 'end'>;

export function wholeFrames(target: FrameTarget): RAL.WritableStream {
  let header: Buffer | null = null;
  const listen = (event: 'close' | 'error' | 'end', listener: (...args: unknown[]) => void) => {
    target.on(event, listener);
    return { dispose: () => void target.off(event, listener) };
  };
  return {
    onClose: (listener) => listen('close', listener),
    onError: (listener) => listen('error', listener),
    onEnd: (listener) => listen('end', listener),
    write(data: Uint8Array | string, encoding?: RAL.MessageBufferEncoding): Promise<void> {
      // The writer sends a header as text and a body as bytes, one message at a time.
      if (typeof data === 'string') {
        const text = Buffer.from(data, encoding === 'ascii' ? 'ascii' : 'utf8');
        if (header === null) {
          header = text;
          return Promise.resolve();
        }
        data = text;
      }
      const body = data;
      const held = header;
      header = null;
      return new Promise((resolve, reject) => {
        const done = (error?: Error | null) => (error ? reject(error) : resolve());
        if (held === null) {
          target.write(body, done);
          return;
        }
        target.cork();
        try {
          target.write(held);
          target.write(body, done);
        } finally {
          target.uncork();
        }
      });
    },
    end: () => void target.end(),
  };
}
