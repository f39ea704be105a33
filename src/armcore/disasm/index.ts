// The disassembler: renders an encoding's asm template with the instruction's fields.
//
// Template language (EncodingSpec.asm):
//   {c}          condition suffix ('' for AL; Thumb: the IT condition)
//   {S}          'S' when field S is 1; for a T16 encoding with no S field, 'S' outside IT
//   {Rx}         register name of field x: r0..r12, sp, lr, pc
//   {x}          field x in decimal;  {#x} '#' then field x in decimal;  {0xx} field x in hex
//   {name:a,b}   formatter `name` (from the group files beside this one) given fields a, b
// Anything else is copied as it is. Lower-case mnemonics are produced (as objdump does).

import type { Fields } from '../encoding.js';
import { COND_NAMES } from '../../translator/cond.js';
import type { DisContext, Formatters } from './types.js';
import { DP_FORMATTERS } from './dp.js';
import { MEDIA_FORMATTERS } from './media.js';
import { MEM_FORMATTERS } from './mem.js';
import { CTL_FORMATTERS } from './ctl.js';
import { VFP_FORMATTERS } from './vfp.js';

export const REG_NAMES = ['r0', 'r1', 'r2', 'r3', 'r4', 'r5', 'r6', 'r7', 'r8', 'r9', 'r10', 'r11', 'r12', 'sp', 'lr', 'pc'];

/** Formatter names defined by more than one group (the tables test requires none). */
export const FORMATTER_CLASHES: string[] = [];

function mergeFormatters(...groups: Formatters[]): Formatters {
  const all: Formatters = {};
  for (const g of groups) {
    for (const [k, f] of Object.entries(g)) {
      if (k in all) FORMATTER_CLASHES.push(k);
      all[k] = f;
    }
  }
  return all;
}

export const FORMATTERS: Formatters = mergeFormatters(DP_FORMATTERS, MEDIA_FORMATTERS, MEM_FORMATTERS, CTL_FORMATTERS, VFP_FORMATTERS);

export function condName(cond: number): string {
  return cond >= 14 ? '' : COND_NAMES[cond]!;
}

export function renderTemplate(template: string, f: Fields, x: DisContext): string {
  const out = template.replace(/\{([^}]*)\}/g, (_m, body: string) => {
    if (body === 'c') return x.cond;
    if (body === 'S') {
      if (x.encoding.fields.has('S')) return f['S'] ? 's' : '';
      return x.encoding.iset === 'T16' && !x.inIT ? 's' : '';
    }
    const colon = body.indexOf(':');
    if (colon >= 0) {
      const name = body.slice(0, colon);
      const args = body.slice(colon + 1).split(',').filter(a => a.length > 0);
      const fmt = FORMATTERS[name];
      if (!fmt) return `<?${name}>`;
      return fmt(f, args, x);
    }
    if (body.length === 2 && body[0] === 'R') return REG_NAMES[f[body[1]!]! & 15] ?? '?';
    if (body.length === 2 && body[0] === '#') return `#${f[body[1]!]}`;
    if (body.startsWith('0x') && body.length === 3) return `0x${(f[body[2]!]! >>> 0).toString(16)}`;
    if (body.length === 1 && f[body] !== undefined) return String(f[body]);
    return `<?${body}>`;
  });
  // Mnemonic (up to the first space) in lower case; operands as written.
  const sp = out.indexOf(' ');
  return sp < 0 ? out.toLowerCase() : out.slice(0, sp).toLowerCase() + out.slice(sp);
}

/** A decoded instruction as the translator's decodeA32/decodeThumb return it. */
export interface DecodedInsn {
  readonly encoding: import('../encoding.js').Encoding | undefined;
  readonly fields: Fields;
  readonly word: number;
  readonly size: 2 | 4;
}

/**
 * Text of one instruction. `it` is the ITSTATE before it (Thumb; 0 outside IT blocks).
 * Undecodable words render as 'undefined'.
 */
export function disassemble(d: DecodedInsn, pc: number, it = 0): string {
  const e = d.encoding;
  if (!e) return 'undefined';
  const f = d.fields;
  const hasCond = e.fields.has('c') && e.fieldWidth.get('c') === 4;
  let cond: number;
  if (hasCond) cond = f['c']!;
  else if (e.iset !== 'A32' && (it & 0xf) !== 0) cond = it >>> 4;
  else cond = 14;
  if (e.iset === 'A32' && hasCond && cond === 15) return 'undefined';
  return renderTemplate(e.asm, f, { pc: pc >>> 0, encoding: e, cond: condName(cond), inIT: e.iset !== 'A32' && (it & 0xf) !== 0 });
}

/** objdump style: mnemonic, a tab, then the operands. */
export function objdumpStyle(text: string): string {
  const sp = text.indexOf(' ');
  return sp < 0 ? text : text.slice(0, sp) + '\t' + text.slice(sp + 1).trimStart();
}
