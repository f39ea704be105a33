// Regenerates the QEMU golden data behind test/armcore/media-qemu.test.ts. Run from a scratch
// directory after `npm run build`: node <repo>/test/qemu-golden/media-golden.mjs (needs
// arm-none-eabi-as and qemu-system-arm); it writes cases.json, outs.json and the hashes there.
// Golden vectors from QEMU for the media group: every encoding (except SDIV/UDIV, UNDEF on A9),
// field variants, seeded inputs; records r0-r3 and APSR after each instruction.
import fs from 'fs';
import { execSync } from 'child_process';
const { A32, T32, T16 } = await import('../../dist/armcore/isa/tables.js');
const { encodeFields } = await import('../../dist/armcore/encoding.js');

const SPECIAL = [0, 1, 0xffffffff, 0x7fffffff, 0x80000000, 0x80008000, 0x7fff7fff, 0xffff0000, 0x0000ffff,
  0x7f7f7f7f, 0x80808080, 0xff00ff00, 0x00800080, 0x12345678, 0xfedcba98, 0x00010001, 0x8000ffff, 0x40000000];
function prng(seed) { let s = seed >>> 0; return () => { s = (Math.imul(s, 1664525) + 1013904223) >>> 0; return s; }; }

function variants(e) {
  const fields = [...e.fields.keys()].filter(k => k !== 'c');
  const base = {};
  const long = e.fields.has('h');
  const opts = {};
  for (const k of fields) {
    switch (k) {
      case 'd': base.d = 0; break;
      case 'n': base.n = long ? 2 : 1; break;
      case 'm': base.m = long ? 3 : 2; break;
      case 'a': base.a = 3; break;
      case 'h': base.h = 1; break;
      case 'l': base.l = 0; break;
      case 'S': case 'M': case 'N': case 'R': case 'T': case 'p': opts[k] = [0, 1]; break;
      case 'r': opts[k] = [0, 1, 2, 3]; break;
      case 'k': opts[k] = e.name.startsWith('BF') ? null : (e.fieldWidth.get('k') === 4 ? [0, 7, 15] : [0, 7, 15, 31]); break;
      case 'i': opts[k] = [0, 1, 3, 16, 31]; break;
      case 'b': case 'w': break;
      default: throw new Error(`${e.name}: field ${k}`);
    }
  }
  if (e.iset === 'T16') { base.d = 0; if (e.fields.has('n')) base.n = 1; if (e.fields.has('m')) base.m = 1; }
  let list = [base];
  for (const [k, vals] of Object.entries(opts)) {
    if (!vals) continue;
    list = list.flatMap(f => vals.map(v => ({ ...f, [k]: v })));
  }
  if (e.fields.has('w')) list = list.flatMap(f => [[4, 7], [0, 31], [31, 0], [8, 15], [1, 0]].map(([b, w]) => ({ ...f, b, w })));
  if (e.name.startsWith('BF')) list = list.flatMap(f => [[4, 11], [0, 31], [31, 31], [0, 0], [8, 23]].map(([b, k]) => ({ ...f, b, k })));
  return list;
}

const cases = []; // {set, name, fields, word, regs[4], apsr}
const rnd = prng(0x5eed);
function inputs(nIn) {
  const out = [];
  for (let i = 0; i < nIn; i++) {
    const regs = [];
    for (let r = 0; r < 4; r++) {
      const x = rnd();
      regs.push((x & 3) === 0 ? rnd() : SPECIAL[x % SPECIAL.length]);
    }
    const apsr = (rnd() & 0xf80f0000) >>> 0;
    out.push({ regs, apsr });
  }
  return out;
}
for (const [set, table] of [['A32', A32], ['T32', T32], ['T16', T16]]) {
  for (const e of table) {
    if (e.group !== 'media') continue;
    if (e.name === 'SDIV' || e.name === 'UDIV') continue;
    for (const f of variants(e)) {
      const ff = { ...f }; if (e.fields.has('c')) ff.c = 14;
      const word = encodeFields(e, ff);
      for (const inp of inputs(6)) cases.push({ set, name: e.name, fields: f, word, ...inp });
    }
  }
}
fs.writeFileSync('cases.json', JSON.stringify(cases));

// Assemble: ARM part first, then BLX to Thumb part.
const hex = v => '0x' + (v >>> 0).toString(16);
let asm = '.syntax unified\n.arch armv7-a\n.text\n.global _start\n.arm\n_start:\n  ldr r11, =outbuf\n';
let k = 0;
function emitCase(c, thumb) {
  asm += `  ldr r0, =${hex(c.regs[0])}\n  ldr r1, =${hex(c.regs[1])}\n  ldr r2, =${hex(c.regs[2])}\n  ldr r3, =${hex(c.regs[3])}\n`;
  asm += `  ldr r4, =${hex(c.apsr)}\n  msr APSR_nzcvqg, r4\n`;
  if (!thumb) asm += `  .inst ${hex(c.word)}\n`;
  else if (c.set === 'T16') asm += `  .inst.n ${hex(c.word)}\n`;
  else asm += `  .inst.w ${hex(c.word)}\n`;
  asm += '  mrs r4, APSR\n  stmia r11!, {r0-r4}\n';
  if (++k % 40 === 0) asm += thumb ? '  b 1f\n.ltorg\n.align 2\n1:\n' : '  b 1f\n.ltorg\n1:\n';
}
for (const c of cases.filter(c => c.set === 'A32')) emitCase(c, false);
asm += '  ldr r0, =thumbpart+1\n  bx r0\n.ltorg\n.thumb\n.thumb_func\nthumbpart:\n';
for (const c of cases.filter(c => c.set !== 'A32')) emitCase(c, true);
asm += `  ldr r0, =outbuf\n  subs r11, r11, r0\n  ldr r1, =wblock\n  str r11, [r1, #8]\n`;
asm += `  mov r0, #1\n  ldr r1, =oblock\n  svc 0xab\n  ldr r1, =wblock\n  str r0, [r1]\n  mov r0, #5\n  svc 0xab\n`;
asm += `  mov r0, #0x18\n  ldr r1, =0x20026\n  svc 0xab\n1: b 1b\n.ltorg\n.data\n.align 2\nfname: .asciz "out.bin"\n.align 2\n`;
asm += `oblock: .word fname, 5, 7\nwblock: .word 0, outbuf, 0\n.bss\n.align 4\noutbuf: .space ${cases.length * 20 + 64}\n`;
fs.writeFileSync('g.s', asm);
execSync('arm-none-eabi-as g.s -o g.o && arm-none-eabi-ld -Ttext=0x60010000 g.o -o g.elf');
try { fs.unlinkSync('out.bin'); } catch {}
execSync('timeout 60 qemu-system-arm -M vexpress-a9 -nographic -semihosting -kernel g.elf -audio none 2>/dev/null || timeout 60 qemu-system-arm -M vexpress-a9 -nographic -semihosting -kernel g.elf 2>/dev/null', { stdio: 'ignore' });
const buf = fs.readFileSync('out.bin');
console.log('cases', cases.length, 'bytes', buf.length);
const outs = [];
for (let i = 0; i < cases.length; i++) outs.push([0, 1, 2, 3, 4].map(j => buf.readUInt32LE(i * 20 + j * 4)));
fs.writeFileSync('outs.json', JSON.stringify(outs));
