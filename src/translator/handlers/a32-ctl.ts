// Handlers for the A32 'ctl' encodings (src/armcore/isa/a32-ctl.ts), by encoding name.
import type { HandlerTable } from '../types.js';

export const A32_CTL_HANDLERS: HandlerTable = {
};
