/**
 * Watches the framing of the protocol stream (stdio): every message is a
 * header block ("Content-Length: N" and other "Name: value" lines, then an
 * empty line) followed by N bytes. vscode-languageserver's reader waits forever
 * for the rest of a message whose Content-Length is too large, or whose
 * header came without its body, and a too small Content-Length leaves it
 * reading JSON as headers: in each case the server is alive but deaf, and the
 * editor does not restart a process that has not exited. This watcher reads
 * only the headers and counts the bytes (the library still parses the
 * messages), and calls `corrupt` with a Chinese reason when the framing is
 * broken, or when a message has stood unfinished for `stallMs` without a byte
 * arriving. The caller exits with an error, so the client restarts the server.
 */

/** How long a message may stand unfinished with no byte arriving before the stream counts as corrupt. */
export const STALL_MS = 10_000;
/** A header block longer than this is not one. */
const MAX_HEADER_BYTES = 8 * 1024;

export interface FramingWatch {
  /** Feed the bytes read from the stream, in order. */
  data(chunk: Buffer): void;
  dispose(): void;
}

export function watchFraming(corrupt: (reason: string) => void, stallMs = STALL_MS): FramingWatch {
  /** Bytes of the body still to come; -1 while reading a header. */
  let bodyLeft = -1;
  let header: Buffer[] = [];
  let headerBytes = 0;
  let timer: NodeJS.Timeout | null = null;
  let failed = false;

  const fail = (reason: string) => {
    if (failed) return;
    failed = true;
    if (timer) clearTimeout(timer);
    timer = null;
    corrupt(reason);
  };
  const stalled = () => fail(`一条消息已有 ${Math.round(stallMs / 1000)} 秒没有收完（Content-Length 与实际内容不符，或只有消息头没有内容）`);
  /** Arms the stall timer while a message is unfinished; clears it between messages. */
  const arm = () => {
    if (timer) clearTimeout(timer);
    timer = null;
    if (bodyLeft > 0 || headerBytes > 0) {
      timer = setTimeout(stalled, stallMs);
      timer.unref();
    }
  };

  const parseHeader = (text: string): number | null => {
    let length: number | null = null;
    for (const line of text.split('\r\n')) {
      const m = /^([A-Za-z][A-Za-z0-9-]*):[ \t]*(.*)$/.exec(line);
      if (!m) {
        fail(`消息头格式错误：${JSON.stringify(line.slice(0, 60))}`);
        return null;
      }
      if (m[1].toLowerCase() === 'content-length') {
        if (!/^\d+$/.test(m[2].trim())) {
          fail(`Content-Length 不是数字：${JSON.stringify(m[2].slice(0, 40))}`);
          return null;
        }
        length = Number(m[2].trim());
      }
    }
    if (length === null) fail('消息头中缺少 Content-Length');
    return length;
  };

  return {
    data(chunk: Buffer) {
      let at = 0;
      while (!failed && at < chunk.length) {
        if (bodyLeft > 0) {
          const take = Math.min(bodyLeft, chunk.length - at);
          bodyLeft -= take;
          at += take;
          if (bodyLeft === 0) bodyLeft = -1;
          continue;
        }
        // Reading a header: up to the empty line.
        const rest = chunk.subarray(at);
        header.push(rest);
        headerBytes += rest.length;
        const joined = header.length === 1 ? rest : Buffer.concat(header);
        const end = joined.indexOf('\r\n\r\n');
        if (end < 0) {
          if (headerBytes > MAX_HEADER_BYTES) fail('消息头过长，不是语言服务器协议的消息');
          at = chunk.length;
          break;
        }
        const length = parseHeader(joined.subarray(0, end).toString('ascii'));
        if (length === null) break;
        // What followed the header in this chunk is the body.
        const consumedOfRest = end + 4 - (joined.length - rest.length);
        at += consumedOfRest;
        header = [];
        headerBytes = 0;
        bodyLeft = length === 0 ? -1 : length;
      }
      if (!failed) arm();
    },
    dispose() {
      if (timer) clearTimeout(timer);
      timer = null;
      failed = true;
    },
  };
}
