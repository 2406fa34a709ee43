/**
 * zongjie-lsp: the language server as a program.
 *
 *   zongjie-lsp --stdio            (also --node-ipc, --socket=PORT, --pipe=NAME,
 *                                   which vscode-languageserver's createConnection reads)
 *   zongjie-lsp --stdio --no-segmenter
 *
 * Nothing may be written to stdout except protocol messages: under --stdio it
 * is the channel to the client. Usage and version go to stdout only when no
 * transport is requested.
 */
import { format } from 'node:util';
import { compilePatternsOnce } from '../engine/pattern-compilation';
import type { Connection, MessageWriter } from 'vscode-languageserver/node';
import { WriteableStreamMessageWriter, createConnection } from './languageserver';
import { wholeFrames } from './whole-frames';
import { beforeInitializeStrategy } from './before-initialize';
import { jsonEncoder } from './encoder';
import { STALL_MS, watchFraming } from './framing';
import { SegmenterHost } from '../segmenter/host';
import { SERVER_VERSION, startServer } from './server';
import { lowerBackgroundThreads } from './thread-priority';

const HELP = `用法：
  zongjie-lsp --stdio [--no-segmenter]
      启动工作报告检查的语言服务器，通过标准输入输出与编辑器通信。
  也可用 --node-ipc、--socket=端口 或 --pipe=管道名 代替 --stdio。

选项：
  --no-segmenter   不加载中文分词词典（少占内存，但用词和标点检查不可用）
  -h, --help       显示本帮助
  -v, --version    显示版本

设置（由编辑器提供，修改后立即生效）：
  zongjie.enable               是否检查（默认 true）
  zongjie.profile              配置档案（默认 ideology-summary）
  zongjie.severity             各规则的级别：error、warning、information、hint 或 off
  zongjie.placeholderPatterns  额外的占位符正则表达式列表`;

const TRANSPORT = /^--(stdio|node-ipc|socket|pipe)(=|$)/;

function main(argv: string[]): void {
  if (argv.includes('-h') || argv.includes('--help')) {
    process.stdout.write(HELP + '\n');
    return;
  }
  if (argv.includes('-v') || argv.includes('--version')) {
    process.stdout.write(SERVER_VERSION + '\n');
    return;
  }
  if (!argv.some((a) => TRANSPORT.test(a))) {
    process.stderr.write('zongjie-lsp：请指定与编辑器通信的方式，例如 --stdio。\n\n' + HELP + '\n');
    process.exitCode = 2;
    return;
  }
  // Usually done already by the loader (dist/server.js), before the bundle's own patterns ran.
  compilePatternsOnce();
  const noSegmenter = argv.includes('--no-segmenter');
  const connection = argv.includes('--stdio') ? stdioConnection() : createConnection({ messageStrategy: beforeInitializeStrategy() });
  // The server must outlive any bug in a handler: log it where the client shows server logs, and go on.
  process.on('uncaughtException', (e) => connection.console.error(`zongjie：内部错误：${e instanceof Error ? e.stack ?? e.message : String(e)}`));
  process.on('unhandledRejection', (e) => connection.console.error(`zongjie：内部错误：${e instanceof Error ? e.stack ?? e.message : String(e)}`));
  // Typing comes first: V8's helper threads, and the segmenter worker once it
  // starts, run at the lowest priority (thread-priority.ts).
  lowerBackgroundThreads();
  const startSegmenter = () => {
    const host = SegmenterHost.start();
    lowerBackgroundThreads();
    return host;
  };
  startServer(connection, { startSegmenter: noSegmenter ? undefined : startSegmenter, segmenterAfterFirstCheck: true });
  connection.listen();
}

/**
 * Over stdio the server writes with its own JSON encoder (encoder.ts, which
 * keeps each diagnostic's encoding), each message in one write
 * (whole-frames.ts); reading, and exiting when stdin closes,
 * are vscode-languageserver's own. Its console patch comes with its own stdio
 * set-up only, so the console is routed to the client here: nothing but
 * protocol messages may reach stdout.
 */
function stdioConnection(): Connection {
  const writer: MessageWriter = new WriteableStreamMessageWriter(wholeFrames(process.stdout), { charset: 'utf-8', contentTypeEncoder: jsonEncoder });
  // A stream on one side and a writer on the other: createConnection passes both on as they are.
  const connection = createConnection(process.stdin, writer as unknown as NodeJS.WritableStream, { messageStrategy: beforeInitializeStrategy() });
  // A corrupt stream leaves the library's reader waiting forever: exit with an error instead, so the editor restarts the server.
  const watch = watchFraming((reason) => {
    const message = `zongjie-lsp：收到的协议数据已损坏（${reason}），无法继续；语言服务器退出，以便编辑器重新启动它。`;
    try {
      connection.console.error(message);
    } catch {
      // The client may not be listening any more; stderr still says it.
    }
    process.stderr.write(message + '\n', () => process.exit(1));
    setTimeout(() => process.exit(1), 500).unref();
  }, Number(process.env.ZONGJIE_LSP_STALL_MS) || STALL_MS);
  process.stdin.on('data', (chunk: Buffer) => watch.data(chunk));
  const toClient = (log: (message: string) => void) => (...args: unknown[]) => log(format(...args));
  console.log = toClient((m) => connection.console.log(m));
  console.info = toClient((m) => connection.console.info(m));
  console.warn = toClient((m) => connection.console.warn(m));
  console.error = toClient((m) => connection.console.error(m));
  console.debug = toClient((m) => connection.console.log(m));
  return connection;
}

main(process.argv.slice(2));
