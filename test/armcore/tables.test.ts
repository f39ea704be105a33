// Consistency of the encoding tables and the handler tables: every encoding is translated, no two
// encodings claim the same word with equal specificity, every template renders.
import { describe, expect, it } from 'vitest';
import { A32, T16, T32 } from '../../src/armcore/isa/tables.js';
import { A32_HANDLERS, T16_HANDLERS, T32_HANDLERS } from '../../src/translator/handlers/index.js';
import type { Encoding } from '../../src/armcore/encoding.js';
import { extractFields } from '../../src/armcore/encoding.js';
import { renderTemplate, FORMATTER_CLASHES } from '../../src/armcore/disasm/index.js';

const sets: [string, Encoding[], Record<string, unknown>][] = [
  ['A32', A32, A32_HANDLERS], ['T16', T16, T16_HANDLERS], ['T32', T32, T32_HANDLERS],
];

describe.each(sets)('%s table', (_name, table, handlers) => {
  it('has a handler for every encoding and an encoding for every handler', () => {
    const names = new Set(table.map(e => e.name));
    expect(table.filter(e => !(e.name in handlers)).map(e => e.name)).toEqual([]);
    expect(Object.keys(handlers).filter(h => !names.has(h))).toEqual([]);
  });

  it('has no two encodings that match one word with equal specificity', () => {
    const ambiguous: string[] = [];
    for (let i = 0; i < table.length; i++) {
      for (let j = i + 1; j < table.length; j++) {
        const a = table[i]!, b = table[j]!;
        if (a.fixedBits !== b.fixedBits) continue;
        if (((a.value ^ b.value) & a.mask & b.mask) === 0) ambiguous.push(`${a.name} ~ ${b.name}`);
      }
    }
    expect(ambiguous).toEqual([]);
  });

  it('renders every asm template without unknown placeholders', () => {
    const bad: string[] = [];
    for (const e of table) {
      // the encoding's own fixed bits with all fields zero, and with all fields ones
      for (const fill of [0, 0xffffffff]) {
        const word = ((e.value | (fill & ~e.mask)) >>> 0) & (e.width === 16 ? 0xffff : 0xffffffff);
        const f = extractFields(e, word >>> 0);
        const text = renderTemplate(e.asm, f, { pc: 0x60010000, encoding: e, cond: '', inIT: false });
        if (text.includes('<?')) bad.push(`${e.name}: ${text}`);
      }
    }
    expect(bad).toEqual([]);
  });
});

describe('disassembly formatters', () => {
  it('no two groups define a formatter of the same name', () => {
    expect(FORMATTER_CLASHES).toEqual([]);
  });
});
