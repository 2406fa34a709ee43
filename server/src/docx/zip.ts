/**
 * Reads the zip container of a .docx with Node's own zlib, nothing else.
 *
 * Only the central directory is trusted for where entries are; nothing in it
 * is trusted for how big they are. An entry is inflated only when the reader
 * asks for it (XML parts: never the images), with zlib's maxOutputLength set
 * to the entry's declared size, so a lying entry stops at that size, and with
 * a budget shared by all entries, so the whole read never holds more than the
 * budget of uncompressed data. The CRC of what was inflated is checked.
 */
import { corrupt, errors } from './errors';

type Zlib = typeof import('node:zlib');
let zlibModule: Zlib | undefined;

/** Node's zlib, loaded when the first Word file is read: most language-server sessions never open one. */
function zlib(): Zlib {
  return (zlibModule ??= require('node:zlib') as Zlib);
}

export interface ZipEntry {
  name: string;
  method: number;
  flags: number;
  crc: number;
  compressedSize: number;
  uncompressedSize: number;
  localHeaderOffset: number;
}

const SIG_EOCD = 0x06054b50;
const SIG_EOCD64 = 0x06064b50;
const SIG_EOCD64_LOCATOR = 0x07064b50;
const SIG_CENTRAL = 0x02014b50;
const SIG_LOCAL = 0x04034b50;

/** The uncompressed bytes all entries of one read may take together. */
export class InflateBudget {
  used = 0;
  constructor(readonly limit: number) {}
  get remaining(): number {
    return this.limit - this.used;
  }
  take(bytes: number): void {
    if (bytes > this.remaining) throw errors.tooLarge(this.limit);
    this.used += bytes;
  }
}

function safeNumber(big: bigint, what: string): number {
  if (big > BigInt(Number.MAX_SAFE_INTEGER)) throw corrupt('压缩包目录中的数值异常', what);
  return Number(big);
}

export class ZipArchive {
  /** Entries by lower-cased name (OPC part names are case-insensitive). */
  readonly entries = new Map<string, ZipEntry>();

  constructor(
    private readonly buf: Buffer,
    maxEntries: number,
  ) {
    const { count, cdOffset, cdSize } = this.findDirectory();
    if (count > maxEntries) throw errors.tooManyEntries(maxEntries);
    if (cdOffset + cdSize > buf.length) throw corrupt('压缩包目录超出了文件末尾，文件可能不完整', 'central directory out of range');
    let p = cdOffset;
    for (let i = 0; i < count; i++) {
      if (p + 46 > buf.length || buf.readUInt32LE(p) !== SIG_CENTRAL) {
        throw corrupt('压缩包目录不完整', `bad central directory entry ${i} at ${p}`);
      }
      const flags = buf.readUInt16LE(p + 8);
      const method = buf.readUInt16LE(p + 10);
      const crc = buf.readUInt32LE(p + 16);
      let compressedSize = buf.readUInt32LE(p + 20);
      let uncompressedSize = buf.readUInt32LE(p + 24);
      const nameLen = buf.readUInt16LE(p + 28);
      const extraLen = buf.readUInt16LE(p + 30);
      const commentLen = buf.readUInt16LE(p + 32);
      let localHeaderOffset = buf.readUInt32LE(p + 42);
      const nameStart = p + 46;
      const extraStart = nameStart + nameLen;
      const next = extraStart + extraLen + commentLen;
      if (next > buf.length) throw corrupt('压缩包目录不完整', `central directory entry ${i} runs past the end`);
      const name = buf.toString('utf8', nameStart, extraStart);
      // ZIP64: the real values of fields set to all ones are in extra field 1, in this order.
      if (compressedSize === 0xffffffff || uncompressedSize === 0xffffffff || localHeaderOffset === 0xffffffff) {
        let e = extraStart;
        const extraEnd = extraStart + extraLen;
        while (e + 4 <= extraEnd) {
          const id = buf.readUInt16LE(e);
          const size = buf.readUInt16LE(e + 2);
          if (id === 1) {
            let q = e + 4;
            const end = Math.min(q + size, extraEnd);
            if (uncompressedSize === 0xffffffff && q + 8 <= end) {
              uncompressedSize = safeNumber(buf.readBigUInt64LE(q), 'zip64 size');
              q += 8;
            }
            if (compressedSize === 0xffffffff && q + 8 <= end) {
              compressedSize = safeNumber(buf.readBigUInt64LE(q), 'zip64 compressed size');
              q += 8;
            }
            if (localHeaderOffset === 0xffffffff && q + 8 <= end) {
              localHeaderOffset = safeNumber(buf.readBigUInt64LE(q), 'zip64 offset');
            }
            break;
          }
          e += 4 + size;
        }
      }
      const key = name.toLowerCase();
      if (!this.entries.has(key)) {
        this.entries.set(key, { name, method, flags, crc, compressedSize, uncompressedSize, localHeaderOffset });
      }
      p = next;
    }
  }

  private findDirectory(): { count: number; cdOffset: number; cdSize: number } {
    const buf = this.buf;
    const lowest = Math.max(0, buf.length - 22 - 0xffff);
    // The record whose comment ends the file; failing that (bytes appended after
    // the archive), the last signature: a signature inside a comment is not it.
    let eocd = -1;
    let loose = -1;
    for (let p = buf.length - 22; p >= lowest; p--) {
      if (buf.readUInt32LE(p) !== SIG_EOCD) continue;
      if (p + 22 + buf.readUInt16LE(p + 20) === buf.length) {
        eocd = p;
        break;
      }
      if (loose < 0) loose = p;
    }
    if (eocd < 0) eocd = loose;
    if (eocd < 0) throw corrupt('找不到压缩包目录，文件可能不完整或被截断', 'no end of central directory record');
    let count = buf.readUInt16LE(eocd + 10);
    let cdSize = buf.readUInt32LE(eocd + 12);
    let cdOffset = buf.readUInt32LE(eocd + 16);
    if (buf.readUInt16LE(eocd + 4) !== 0 && buf.readUInt16LE(eocd + 4) !== 0xffff) {
      throw corrupt('这是分卷压缩包的一部分', 'multi-disk archive');
    }
    if (count === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff) {
      const loc = eocd - 20;
      if (loc >= 0 && buf.readUInt32LE(loc) === SIG_EOCD64_LOCATOR) {
        const at = safeNumber(buf.readBigUInt64LE(loc + 8), 'zip64 end record offset');
        if (at + 56 > buf.length || buf.readUInt32LE(at) !== SIG_EOCD64) {
          throw corrupt('压缩包目录不完整', 'bad zip64 end of central directory record');
        }
        count = safeNumber(buf.readBigUInt64LE(at + 32), 'zip64 entry count');
        cdSize = safeNumber(buf.readBigUInt64LE(at + 40), 'zip64 directory size');
        cdOffset = safeNumber(buf.readBigUInt64LE(at + 48), 'zip64 directory offset');
      }
    }
    return { count, cdOffset, cdSize };
  }

  get(name: string): ZipEntry | undefined {
    return this.entries.get(name.toLowerCase());
  }

  /** The uncompressed bytes of `entry`, counted against `budget`. */
  read(entry: ZipEntry, budget: InflateBudget): Buffer {
    const buf = this.buf;
    if (entry.flags & 1) throw errors.encrypted();
    const at = entry.localHeaderOffset;
    if (at + 30 > buf.length || buf.readUInt32LE(at) !== SIG_LOCAL) {
      throw corrupt(`找不到“${entry.name}”的数据`, `bad local header for ${entry.name}`);
    }
    const dataStart = at + 30 + buf.readUInt16LE(at + 26) + buf.readUInt16LE(at + 28);
    const dataEnd = dataStart + entry.compressedSize;
    if (dataEnd > buf.length) throw corrupt(`“${entry.name}”的数据不完整，文件可能被截断`, `entry ${entry.name} runs past the end`);
    const data = buf.subarray(dataStart, dataEnd);
    const declared = entry.uncompressedSize;
    // A size beyond the budget is refused before any work.
    if (declared > budget.remaining) throw errors.tooLarge(budget.limit);
    let out: Buffer;
    if (entry.method === 0) {
      if (data.length !== declared) throw corrupt(`“${entry.name}”的大小与记录不符`, `stored size mismatch in ${entry.name}`);
      out = data;
    } else if (entry.method === 8) {
      if (declared === 0) {
        out = Buffer.alloc(0);
      } else {
        try {
          // Chunks of up to 1 MB instead of zlib's 16 KB: a third less time on a long document.xml.
          const chunkSize = Math.min(Math.max(declared, 64), 1024 * 1024);
          out = zlib().inflateRawSync(data, { maxOutputLength: declared, chunkSize });
        } catch (e) {
          if (e instanceof RangeError || (e as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') {
            throw corrupt(`“${entry.name}”解压后超过了记录的大小，可能是异常的压缩文件`, `inflated size exceeds declared ${declared} in ${entry.name}`);
          }
          throw corrupt(`“${entry.name}”的压缩数据有误`, `${entry.name}: ${(e as Error).message}`);
        }
      }
      if (out.length !== declared) throw corrupt(`“${entry.name}”的大小与记录不符`, `inflated ${out.length}, declared ${declared} in ${entry.name}`);
    } else {
      throw corrupt(`“${entry.name}”使用了不支持的压缩方式（${entry.method}）`, `compression method ${entry.method}`);
    }
    budget.take(out.length);
    if (crc32(out) !== entry.crc) throw corrupt(`“${entry.name}”的校验码不符`, `CRC mismatch in ${entry.name}`);
    return out;
  }
}

let table: Int32Array | undefined;

function crc32Js(data: Uint8Array): number {
  if (!table) {
    table = new Int32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      table[n] = c;
    }
  }
  let crc = -1;
  for (let i = 0; i < data.length; i++) crc = table[(crc ^ data[i]) & 0xff] ^ (crc >>> 8);
  return (crc ^ -1) >>> 0;
}

/** CRC-32 of `data` (zlib's, from Node 20.15 / 22.2 on; a table otherwise). */
export function crc32(data: Uint8Array): number {
  const native = (zlib() as { crc32?: (d: Uint8Array) => number }).crc32;
  return native ? native(data) >>> 0 : crc32Js(data);
}

export { crc32Js as crc32ForTests };
