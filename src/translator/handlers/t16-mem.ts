// Handlers for the T16 'mem' encodings (src/armcore/isa/t16-mem.ts), by encoding name.
import type { HandlerTable } from '../types.js';

export const T16_MEM_HANDLERS: HandlerTable = {
};
