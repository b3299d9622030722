// Preloaded into a server under test (`--require`): when it exits, writes the Node modules it
// loaded to the file named by SINAS_TEST_MODULES_FILE.
const { writeFileSync } = require('node:fs');
process.on('exit', () => writeFileSync(process.env.SINAS_TEST_MODULES_FILE, JSON.stringify(process.moduleLoadList)));
