// T16_MEDIA: 16-bit Thumb multiply, extend and byte-reverse encodings.
import { enc, type EncodingSpec } from '../encoding.js';

export const T16_MEDIA: EncodingSpec[] = [
  // MULS <Rdm>, <Rn>, <Rdm> (flags N, Z outside an IT block)
  enc('MUL', '0100 0011 01nn nddd', 'MUL{S}{c} {Rd}, {Rn}', 'media'),
  enc('SXTH', '1011 0010 00mm mddd', 'SXTH{c} {Rd}, {Rm}', 'media'),
  enc('SXTB', '1011 0010 01mm mddd', 'SXTB{c} {Rd}, {Rm}', 'media'),
  enc('UXTH', '1011 0010 10mm mddd', 'UXTH{c} {Rd}, {Rm}', 'media'),
  enc('UXTB', '1011 0010 11mm mddd', 'UXTB{c} {Rd}, {Rm}', 'media'),
  enc('REV', '1011 1010 00mm mddd', 'REV{c} {Rd}, {Rm}', 'media'),
  enc('REV16', '1011 1010 01mm mddd', 'REV16{c} {Rd}, {Rm}', 'media'),
  enc('REVSH', '1011 1010 11mm mddd', 'REVSH{c} {Rd}, {Rm}', 'media'),
];
