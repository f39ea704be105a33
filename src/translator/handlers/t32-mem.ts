// Handlers for the T32 'mem' encodings (src/armcore/isa/t32-mem.ts), by encoding name.
import type { HandlerTable } from '../types.js';

export const T32_MEM_HANDLERS: HandlerTable = {
};
