// Handlers for the T32 VFP encodings (src/armcore/isa/t32-vfp.ts), by encoding name.
import type { HandlerTable } from '../types.js';

export const T32_VFP_HANDLERS: HandlerTable = {
};
