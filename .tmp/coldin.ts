import { analyze } from '../server/src/core/analyze';
import { DocumentParser } from '../server/src/core/parse/parse-document';
import { generatePackage } from '../test/support/generate-package';
for (const n of process.argv[2].split(',').map(Number)) {
  const text = generatePackage(n);
  const c = process.cpuUsage();
  analyze(text, { parser: new DocumentParser() });
  const u = process.cpuUsage(c);
  console.log(n, 'first analysis CPU ms', ((u.user + u.system) / 1000).toFixed(0));
}
