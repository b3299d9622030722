import { standaloneValidatorsSource } from '../server/src/core/schema/standalone-validators';
import { writeFileSync } from 'node:fs';
const t = performance.now();
const s = standaloneValidatorsSource();
console.log('ms', (performance.now() - t).toFixed(0), 'bytes', s.length, 'remaining literals', (s.match(/const schema\d+ = [{\[]/g) ?? []).length, 'refs', (s.match(/const schema\d+ = S/g) ?? []).length);
writeFileSync('/tmp/gen.js', s);
