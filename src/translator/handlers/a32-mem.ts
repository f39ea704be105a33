// Handlers for the A32 'mem' encodings (src/armcore/isa/a32-mem.ts), by encoding name.
import type { HandlerTable } from '../types.js';

export const A32_MEM_HANDLERS: HandlerTable = {
};
