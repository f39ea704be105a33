// Handlers for the A32 VFP encodings (src/armcore/isa/a32-vfp.ts), by encoding name.
import type { HandlerTable } from '../types.js';

export const A32_VFP_HANDLERS: HandlerTable = {
};
