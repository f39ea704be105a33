// Handlers for the T32 VFP encodings (src/armcore/isa/t32-vfp.ts), by encoding name: the T32
// encodings are the A32 ones with 1110 in place of the condition, so the handlers are shared.
import type { HandlerTable } from '../types.js';
import { A32_VFP_HANDLERS } from './a32-vfp.js';

export const T32_VFP_HANDLERS: HandlerTable = { ...A32_VFP_HANDLERS };
