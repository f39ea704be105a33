import { describe, expect, it } from 'vitest';
import { a32, execA32, machine, loadA32, CODE } from '../harness.js';
import { A32, A32_DECODER } from '../../src/armcore/isa/tables.js';
import { encodeFields, extractFields } from '../../src/armcore/encoding.js';
import { Mode } from '../../src/armcore/cpu.js';

describe('encoding tables', () => {
  it('encode then decode gives back the encoding and its fields', () => {
    const w = a32('MOV_imm', { S: 1, d: 3, r: 2, v: 0xab });
    expect(w >>> 0).toBe(0xe3b032ab);
    const e = A32_DECODER.decode(w)!;
    expect(e.name).toBe('MOV_imm');
    expect(extractFields(e, w)).toMatchObject({ c: 14, S: 1, d: 3, r: 2, v: 0xab });
    expect(encodeFields(e, extractFields(e, w))).toBe(w >>> 0);
  });
  it('every table name is unique', () => {
    expect(new Set(A32.map(e => e.name)).size).toBe(A32.length);
  });
});

describe('run loop', () => {
  it('runs MOV imm with flags and carry from the rotation', () => {
    // MOVS r1, #0x80000000 (0xe3b01102): rot=1, imm8=2 -> 0x80000000, C = bit 31
    const m = execA32([a32('MOV_imm', { S: 1, d: 1, r: 1, v: 2 })]);
    expect(m.cpu.r[1]! >>> 0).toBe(0x80000000);
    expect([m.cpu.n, m.cpu.z, m.cpu.c]).toEqual([1, 0, 1]);
  });
  it('skips an instruction whose condition fails', () => {
    const m = execA32([a32('MOV_imm', { c: 0, S: 0, d: 2, r: 0, v: 7 })]); // MOVEQ with Z=0
    expect(m.cpu.r[2]).toBe(0);
  });
  it('takes the undefined-instruction exception for an unallocated word', () => {
    const m = machine();
    loadA32(m, [0xe7f000f0]); // UDF #0 (until the ctl group lands it is simply unallocated here)
    m.engine.step();
    expect(m.cpu.mode).toBe(Mode.UND);
    expect(m.cpu.pc).toBe(0x4);
    expect(m.cpu.r[14]! >>> 0).toBe(CODE + 4);
    expect(m.cpu.spsr & 0x1f).toBe(Mode.SVC);
  });
});
