export * from './board.js';
export * from './pl011.js';
export * from './loader.js';
export * from './vexpress.js';
