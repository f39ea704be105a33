// Handlers for the A32 'media' encodings (src/armcore/isa/a32-media.ts), by encoding name.
// The semantics live in sem/media.ts and are shared with T32 (same names, same field letters).
import type { HandlerTable } from '../types.js';
import { MEDIA_SHARED } from '../sem/media.js';

export const A32_MEDIA_HANDLERS: HandlerTable = { ...MEDIA_SHARED };
