import { formatCount } from '../scoring/format';

// A file's bytes as text, for the imports (backups and spreadsheets): UTF-8, or UTF-16 when the file
// starts with its byte-order mark (Excel's "Unicode text"). Bytes that are not text in that encoding
// refuse the file, naming the line and the byte, rather than turning silently into "�" in a record.

/**
 * Checks UTF-8 as it streams (the well-formed sequences of the Unicode standard, table 3-7: no overlong
 * forms, no surrogates, nothing past U+10FFFF). `check` returns the index in `chunk` where the first
 * character that is not UTF-8 starts (negative when it started in an earlier chunk), or null;
 * `complete` says whether the bytes so far end on a whole character.
 */
export function utf8Checker() {
  /** Continuation bytes still wanted, and the range the next one must be in. */
  let wanted = 0;
  let low = 0x80;
  let high = 0xbf;
  /** Where the character being read started, in this chunk's indices. */
  let started = 0;
  return {
    check(chunk: Uint8Array): number | null {
      for (let i = 0; i < chunk.length; i++) {
        const byte = chunk[i] as number;
        if (wanted > 0) {
          if (byte < low || byte > high) return started;
          wanted--;
          low = 0x80;
          high = 0xbf;
          continue;
        }
        started = i;
        if (byte <= 0x7f) continue; // ASCII
        if (byte >= 0xc2 && byte <= 0xdf) wanted = 1;
        else if (byte >= 0xe0 && byte <= 0xef) {
          wanted = 2;
          if (byte === 0xe0) low = 0xa0; // not overlong
          if (byte === 0xed) high = 0x9f; // not a surrogate
        } else if (byte >= 0xf0 && byte <= 0xf4) {
          wanted = 3;
          if (byte === 0xf0) low = 0x90; // not overlong
          if (byte === 0xf4) high = 0x8f; // not past U+10FFFF
        } else return i;
      }
      started -= chunk.length;
      return null;
    },
    complete: () => wanted === 0,
  };
}

const countLines = (bytes: Uint8Array, end: number) => {
  let lines = 0;
  for (let i = 0; i < end; i++) if (bytes[i] === 0x0a) lines++;
  return lines;
};

/** The encoding a file's first bytes name by their byte-order mark; UTF-8 when they name none. */
function encodingOf(first: Uint8Array): 'utf-8' | 'utf-16le' | 'utf-16be' {
  if (first[0] === 0xff && first[1] === 0xfe) return 'utf-16le';
  if (first[0] === 0xfe && first[1] === 0xff) return 'utf-16be';
  return 'utf-8';
}

/**
 * Reads a stream of a file's bytes as text (see above), calling `onRead` with the bytes read so far
 * after each chunk. A byte-order mark is dropped.
 */
export async function readText(
  stream: ReadableStream<Uint8Array>,
  onRead?: (bytes: number) => void,
): Promise<string> {
  const reader = stream.getReader();
  const parts: string[] = [];
  const utf8 = utf8Checker();
  let decoder: TextDecoder | undefined;
  let bytes = 0;
  let lines = 1;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    decoder ??= new TextDecoder(encodingOf(value), { fatal: true });
    if (decoder.encoding === 'utf-8') {
      const bad = utf8.check(value);
      if (bad !== null) {
        await reader.cancel();
        const line = lines + countLines(value, Math.max(0, bad));
        throw new Error(
          `line ${formatCount(line)} (byte ${formatCount(bytes + bad + 1)}) is not UTF-8 text: save the file as UTF-8 and try again`,
        );
      }
      lines += countLines(value, value.length);
    }
    try {
      parts.push(decoder.decode(value, { stream: true }));
    } catch {
      await reader.cancel();
      throw new Error(
        `the file is not valid ${decoder.encoding.toUpperCase()} text near byte ${formatCount(bytes + 1)}`,
      );
    }
    bytes += value.byteLength;
    onRead?.(bytes);
  }
  try {
    if (!utf8.complete()) throw new Error('cut');
    parts.push(decoder?.decode() ?? '');
  } catch {
    throw new Error(
      `line ${formatCount(lines)}: the file ends in the middle of a character (it may be cut short)`,
    );
  }
  return parts.join('');
}
