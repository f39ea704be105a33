// Every device model registers itself under its type name when its module loads; board
// descriptions then name models by type. One import line per model.
import './pl011.js';
