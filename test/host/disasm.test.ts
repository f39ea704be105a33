// The disassembler command's listing (table-driven text, checked against arm-none-eabi-objdump).
import { describe, expect, it } from 'vitest';
import { disassembleRegion, disasmImage } from '../../src/cli/disasm.js';
import { disassemble, objdumpStyle } from '../../src/armcore/disasm/index.js';
import { decodeA32 } from '../../src/translator/translate.js';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const bytes = (...words: number[]) => new Uint8Array(Uint32Array.from(words).buffer);
const region = (b: Uint8Array, kind: 'a' | 't' | 'd', maps: { addr: number; kind: 'a' | 't' | 'd' }[] = []) =>
  ({ name: 'x', addr: 0x60000000, bytes: b, maps, labels: new Map<number, string>(), defaultKind: kind });

describe('disassembly listing', () => {
  it('renders A32 words like objdump (mov, bx, push) and undefined words as .word', () => {
    // objdump -D -b binary -marm: e3a00001 mov r0, #1 / e12fff1e bx lr / e92d4010 push {r4, lr}
    const lines = disassembleRegion(region(bytes(0xe3a00001, 0xe12fff1e, 0xe92d4010, 0xffffffff), 'a'));
    expect(lines).toEqual([
      '60000000:\te3a00001 \tmov\tr0, #1',
      '60000004:\te12fff1e \tbx\tlr',
      '60000008:\te92d4010 \tpush\t{r4, lr}',
      '6000000c:\tffffffff \t.word\t0xffffffff\t@ undefined',
    ]);
  });
  it('follows IT blocks in Thumb code (objdump -Mforce-thumb: it eq / moveq r0, #1 / movs r0, #2 / bx lr)', () => {
    const b = Uint8Array.of(0x08, 0xbf, 0x01, 0x20, 0x02, 0x20, 0x70, 0x47);
    expect(disassembleRegion(region(b, 't')).map(l => l.split('\t').slice(2).join(' '))).toEqual([
      'it eq', 'moveq r0, #1', 'movs r0, #2', 'bx lr']);
  });
  it('switches between ARM, Thumb and data at mapping symbols', () => {
    const b = new Uint8Array(12);
    b.set([0x01, 0x00, 0xa0, 0xe3], 0);      // $a: mov r0, #1
    b.set([0x70, 0x47, 0x00, 0xbf], 4);      // $t: bx lr; nop
    b.set([0x78, 0x56, 0x34, 0x12], 8);      // $d
    const lines = disassembleRegion(region(b, 'a', [
      { addr: 0x60000000, kind: 'a' }, { addr: 0x60000004, kind: 't' }, { addr: 0x60000008, kind: 'd' }]));
    expect(lines[0]).toMatch(/mov\tr0, #1$/);
    expect(lines[1]).toMatch(/4770 +\tbx\tlr$/);
    expect(lines[3]).toBe('60000008:\t12345678\t.word\t0x12345678');
  });
  it('renders a decoded word through the template renderer', () => {
    expect(objdumpStyle(disassemble(decodeA32(0xe3a00001), 0))).toBe('mov\tr0, #1');
    expect(disassemble(decodeA32(0xe3a00001 & 0x0fffffff | 0x00000000), 0)).toBe('moveq r0, #1');
  });
  it('lists the executable sections of the fixture with function labels', () => {
    const file = fileURLToPath(new URL('./fixtures/hello.elf', import.meta.url));
    const out = disasmImage(new Uint8Array(readFileSync(file)), { thumb: false }, 'hello.elf');
    expect(out[0]).toBe('hello.elf:     file format elf32-littlearm');
    expect(out).toContain('Disassembly of section .text:');
    expect(out.some(l => /^[0-9a-f]{8} <main>:$/.test(l))).toBe(true);
  });
});
