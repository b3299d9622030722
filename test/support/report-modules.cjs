// Preloaded into a server under test (`--require`): when it exits, writes the modules it loaded to
// the file named by SINAS_TEST_MODULES_FILE: Node's own ("NativeModule net") and files ("File /…/parse-jinja.js").
const { writeFileSync } = require('node:fs');
process.on('exit', () => writeFileSync(process.env.SINAS_TEST_MODULES_FILE, JSON.stringify([...process.moduleLoadList, ...Object.keys(require.cache).map((path) => `File ${path}`)])));
