// Every device model registers itself under its type name when its module loads; board
// descriptions then name models by type. One import line per model.
import './pl011.js';
import './sp804.js';
import './sp805.js';
import './pl031.js';
import './v2m-sysreg.js';
import './pl050.js';
import './gic.js';
import './a9-private.js';
import './l2c310.js';
import './pl111.js';
import './pflash.js';
