import { describe, expect, it } from 'vitest';
import { seeded } from '../tests/fixtures/hostile-messages';
import { readText, utf8Checker } from './text-file';

/** A stream of the given chunks of bytes, as `File.stream()` gives them. */
const streamOf = (...chunks: (number[] | Uint8Array | string)[]) =>
  new ReadableStream<Uint8Array>({
    start(controller) {
      for (const c of chunks)
        controller.enqueue(typeof c === 'string' ? new TextEncoder().encode(c) : Uint8Array.from(c));
      controller.close();
    },
  });

describe('reading an imported file as text', () => {
  it('reads UTF-8, whatever the chunks cut through, dropping a byte-order mark', async () => {
    const text = 'Name,Note\r\nZoë,"مرحبا \u200f ok"\r\nאבי,👩🏽‍💻 🇯🇵 e\u0301\r\n';
    const bytes = new TextEncoder().encode(text);
    const read: number[] = [];
    // Every cut of the file in two, so that every multi-byte character is split somewhere.
    for (let cut = 0; cut <= bytes.length; cut++)
      expect(await readText(streamOf(bytes.slice(0, cut), bytes.slice(cut)))).toBe(text);
    expect(await readText(streamOf([0xef, 0xbb, 0xbf], text), (n) => read.push(n))).toBe(text);
    expect(read).toEqual([3, 3 + bytes.length]);
  });

  it('reads UTF-16 when the file starts with its byte-order mark', async () => {
    const text = 'Name\tNote\r\nZoë\t👩🏽‍💻\r\n';
    const le = [
      0xff,
      0xfe,
      ...[...text].flatMap((ch) => {
        const units: number[] = [];
        for (let i = 0; i < ch.length; i++) units.push(ch.charCodeAt(i) & 0xff, ch.charCodeAt(i) >> 8);
        return units;
      }),
    ];
    expect(await readText(streamOf(le))).toBe(text);
  });

  it('refuses bytes that are not UTF-8, naming the line and the byte', async () => {
    const lines = (bad: number[]) => [...new TextEncoder().encode('Name\nAda\nZo'), ...bad, 0x0a];
    const cases: [string, number[]][] = [
      ['Latin-1 é', [0xe9]],
      ['a lone continuation byte', [0x80]],
      ['an overlong slash', [0xc0, 0xaf]],
      ['an overlong three-byte form', [0xe0, 0x80, 0xaf]],
      ['a surrogate', [0xed, 0xa0, 0x80]],
      ['past U+10FFFF', [0xf4, 0x90, 0x80, 0x80]],
      ['a byte never used', [0xff]],
      ['a sequence broken by ASCII', [0xe2, 0x82, 0x41]],
    ];
    for (const [what, bad] of cases) {
      const read = readText(streamOf(lines(bad)));
      await expect(read, what).rejects.toThrow(
        /^line 3 \(byte 12\) is not UTF-8 text: save the file as UTF-8/,
      );
    }
    // Broken across two chunks: found all the same, named by the byte it starts at.
    await expect(readText(streamOf('Name\nZo', [0xe2, 0x82], [0x41, 0x0a]))).rejects.toThrow(
      /^line 2 \(byte 8\)/,
    );
  });

  it('refuses a file that ends in the middle of a character', async () => {
    await expect(readText(streamOf('Name\nZo', [0xe2, 0x82]))).rejects.toThrow(
      /^line 2: the file ends in the middle of a character/,
    );
  });

  it("checks UTF-8 exactly as the browser's strict decoder does, on 20,000 random byte strings", () => {
    const next = seeded(15);
    // Bytes drawn mostly from the ranges where UTF-8's rules are decided, so that valid and invalid
    // sequences of every length both come up often.
    const interesting = [
      0x00, 0x41, 0x7f, 0x80, 0x8f, 0x90, 0x9f, 0xa0, 0xbf, 0xc0, 0xc1, 0xc2, 0xdf, 0xe0, 0xe1, 0xec, 0xed,
      0xee, 0xef, 0xf0, 0xf1, 0xf3, 0xf4, 0xf5, 0xff,
    ];
    const strict = new TextDecoder('utf-8', { fatal: true });
    let valid = 0;
    for (let n = 0; n < 20_000; n++) {
      const bytes = Uint8Array.from({ length: 1 + Math.floor(next() * 8) }, () =>
        next() < 0.8
          ? (interesting[Math.floor(next() * interesting.length)] as number)
          : Math.floor(next() * 256),
      );
      let decodes = true;
      try {
        strict.decode(bytes);
      } catch {
        decodes = false;
      }
      const checker = utf8Checker();
      const ours = checker.check(bytes) === null && checker.complete();
      expect(ours, [...bytes].map((b) => b.toString(16)).join(' ')).toBe(decodes);
      if (decodes) valid++;
    }
    // Both verdicts come up often enough to mean something (718 valid with this seed).
    expect(valid).toBeGreaterThan(500);
    expect(valid).toBeLessThan(19_500);
  });
});
