// T32_VFP: T32 encodings of the VFP group (VFPv3-D32). See encoding.ts for the pattern language.
// They are the A32 encodings (a32-vfp.ts) with 1110 in place of the condition: in Thumb they execute
// under the IT condition. (The 1111 forms are VFPv4/ARMv8 or Advanced SIMD: UNDEFINED here.)
import type { EncodingSpec } from '../encoding.js';
import { A32_VFP } from './a32-vfp.js';

export const T32_VFP: EncodingSpec[] = A32_VFP.map(s => ({ ...s, pattern: s.pattern.replace('cccc', '1110') }));
