/** A scratch folder for CLI tests, removed after the file's tests, and the CLI run in-process. */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after } from 'node:test';
import { runCli } from '../../server/src/cli/main';

export const ROOT = path.resolve(__dirname, '../../..');

export interface Scratch {
  dir: string;
  /** Writes a file under the scratch folder (creating folders) and returns its path. */
  write(name: string, content: string | Buffer): string;
}

export function scratchFolder(prefix: string): Scratch {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  after(() => fs.rmSync(dir, { recursive: true, force: true }));
  return {
    dir,
    write(name, content) {
      const p = path.join(dir, name);
      fs.mkdirSync(path.dirname(p), { recursive: true });
      fs.writeFileSync(p, content);
      return p;
    },
  };
}

/** Runs the CLI in this process; stdout and stderr come back as text. */
export function run(...argv: string[]): { code: number; out: string; err: string } {
  const out: string[] = [];
  const err: string[] = [];
  const code = runCli(argv, { out: (s) => out.push(s), err: (s) => err.push(s) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}
