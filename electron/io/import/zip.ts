import { crc32, inflateRawSync } from 'node:zlib';
import { ImportError, type ImportLimits } from './limits';

/** One entry of a ZIP archive, as its central directory describes it. */
interface ZipEntry {
  name: string;
  method: number;
  flags: number;
  crc: number;
  compressedSize: number;
  size: number;
  localOffset: number;
}

/** A ZIP archive read within limits: entries are listed up front and inflated one by one, on request. */
export interface BoundedZip {
  names(): string[];
  /** The entry's bytes, or null when there is no such entry. */
  read(name: string): Buffer | null;
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

/**
 * Opens a ZIP archive (a DOCX) without trusting it: the entry count, each entry's declared size
 * and compression ratio, and the total inflated size are checked against the limits before
 * anything is inflated; inflating stops at the declared size (a bomb that lies about its size is
 * cut off), and each entry's CRC is checked. ZIP64, encryption and methods other than stored and
 * deflate are refused, and so is an archive with two entries for one name (entryKey).
 */
export function openZip(bytes: Buffer, file: string, limits: ImportLimits): BoundedZip {
  const bad = (why: string) => new ImportError('FORMAT', file, `${why} It is not a complete DOCX (ZIP) file.`);
  const end = findEndOfCentralDirectory(bytes);
  if (end < 0) throw bad('No ZIP directory was found (the file may be truncated).');
  const count = bytes.readUInt16LE(end + 10);
  const dirSize = bytes.readUInt32LE(end + 12);
  const dirOffset = bytes.readUInt32LE(end + 16);
  if (count === 0xffff || dirOffset === 0xffffffff) throw new ImportError('FORMAT', file, 'it is a ZIP64 archive, which a DOCX never needs.');
  if (count > limits.maxZipEntries) throw new ImportError('LIMIT', file, `it holds ${count} archive entries (limit maxZipEntries = ${limits.maxZipEntries}).`, 'maxZipEntries');
  if (dirOffset + dirSize > end) throw bad('Its ZIP directory points outside the file.');
  const entries = new Map<string, ZipEntry>();
  const keys = new Map<string, string>();
  let declaredTotal = 0;
  let at = dirOffset;
  for (let i = 0; i < count; i++) {
    if (at + 46 > end || bytes.readUInt32LE(at) !== CENTRAL) throw bad('Its ZIP directory is damaged.');
    const entry: ZipEntry = {
      flags: bytes.readUInt16LE(at + 8),
      method: bytes.readUInt16LE(at + 10),
      crc: bytes.readUInt32LE(at + 16),
      compressedSize: bytes.readUInt32LE(at + 20),
      size: bytes.readUInt32LE(at + 24),
      localOffset: bytes.readUInt32LE(at + 42),
      name: '',
    };
    const nameLength = bytes.readUInt16LE(at + 28);
    const extraLength = bytes.readUInt16LE(at + 30);
    const commentLength = bytes.readUInt16LE(at + 32);
    if (at + 46 + nameLength > end) throw bad('Its ZIP directory is damaged.');
    entry.name = bytes.toString('utf8', at + 46, at + 46 + nameLength);
    at += 46 + nameLength + extraLength + commentLength;
    if (entry.size === 0xffffffff || entry.compressedSize === 0xffffffff) throw new ImportError('FORMAT', file, 'it is a ZIP64 archive, which a DOCX never needs.');
    if (entry.flags & 1) throw new ImportError('FORMAT', file, 'it is encrypted (password-protected).');
    if (entry.method !== 0 && entry.method !== 8) throw new ImportError('FORMAT', file, `entry ${entry.name} is compressed with method ${entry.method}, which a DOCX does not use.`);
    if (entry.size > limits.maxCompressionRatio * Math.max(entry.compressedSize, 1024)) {
      throw new ImportError('LIMIT', file, `entry ${entry.name} would inflate ${Math.round(entry.size / Math.max(entry.compressedSize, 1))} times its size (limit maxCompressionRatio = ${limits.maxCompressionRatio}).`, 'maxCompressionRatio');
    }
    declaredTotal += entry.size;
    if (declaredTotal > limits.maxInflatedBytes) throw new ImportError('LIMIT', file, `its entries inflate to more than ${limits.maxInflatedBytes} bytes (limit maxInflatedBytes).`, 'maxInflatedBytes');
    const same = keys.get(entryKey(entry.name));
    if (same !== undefined) {
      const names = same === entry.name ? `two entries named ${same}` : `entries ${same} and ${entry.name}, which name the same part`;
      throw new ImportError('FORMAT', file, `it holds ${names}. A DOCX has each part once; Word and this importer could each read a different one, so it is refused.`);
    }
    keys.set(entryKey(entry.name), entry.name);
    entries.set(entry.name, entry);
  }
  let inflated = 0;
  return {
    names: () => [...entries.keys()],
    read(name) {
      const entry = entries.get(name);
      if (!entry) return null;
      const local = entry.localOffset;
      if (local + 30 > bytes.length || bytes.readUInt32LE(local) !== LOCAL) throw bad(`Entry ${name} is damaged.`);
      const start = local + 30 + bytes.readUInt16LE(local + 26) + bytes.readUInt16LE(local + 28);
      if (start + entry.compressedSize > bytes.length) throw bad(`Entry ${name} is cut short.`);
      const data = bytes.subarray(start, start + entry.compressedSize);
      let out: Buffer;
      try {
        // Inflating stops one byte past the declared size: more than that is a lie, and refused.
        out = entry.method === 0 ? Buffer.from(data) : inflateRawSync(data, { maxOutputLength: entry.size + 1 });
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') throw new ImportError('LIMIT', file, `entry ${name} inflates past the size it declares (a zip bomb?).`, 'maxInflatedBytes');
        throw bad(`Entry ${name} cannot be inflated (${(error as Error).message}).`);
      }
      if (out.length !== entry.size) throw new ImportError('LIMIT', file, `entry ${name} inflates to ${out.length} bytes, not the ${entry.size} it declares.`, 'maxInflatedBytes');
      if (crc32(out) !== entry.crc) throw bad(`Entry ${name} is corrupt (its checksum does not match).`);
      inflated += out.length;
      if (inflated > limits.maxInflatedBytes) throw new ImportError('LIMIT', file, `its entries inflate to more than ${limits.maxInflatedBytes} bytes (limit maxInflatedBytes).`, 'maxInflatedBytes');
      return out;
    },
  };
}

/**
 * What an entry's name means as a part of the package, for finding two entries of one part: OPC
 * compares part names without regard to case, and ZIP writers differ on `\` for `/` and on a
 * leading `./` or `/`. The importer itself looks names up exactly; an archive where two names mean
 * one part is refused (openZip) rather than read one way here and another way in Word (keyed by
 * name alone, the last of two entries would silently win).
 */
function entryKey(name: string): string {
  return name.replace(/\\/g, '/').replace(/^(?:\.?\/)+/, '').toLowerCase();
}

/** The offset of the end-of-central-directory record (searched backwards past a comment), or -1. */
function findEndOfCentralDirectory(bytes: Buffer): number {
  const lowest = Math.max(0, bytes.length - 22 - 0xffff);
  for (let at = bytes.length - 22; at >= lowest; at--) if (bytes.readUInt32LE(at) === EOCD) return at;
  return -1;
}
