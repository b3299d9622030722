const fs = require('node:fs');
process.on('SIGUSR2', () => fs.writeFileSync('/tmp/sprof/mem.json', JSON.stringify({ mem: process.memoryUsage(), heap: require('v8').getHeapSpaceStatistics().map(s => [s.space_name, (s.space_used_size/1e6).toFixed(1), (s.physical_space_size/1e6).toFixed(1)]) })));
if (process.env.V8FLAGS) require('v8').setFlagsFromString(process.env.V8FLAGS);
require(process.env.SERVER_JS || '/work/wt/speed/dist/server.js');
process.on('SIGWINCH', () => require('v8').writeHeapSnapshot('/tmp/sprof/server.heapsnapshot'));
process.on('SIGURG', () => { global.gc?.(); });
