// Preloaded with `node --require` by validate-jobs.test.ts (worker threads inherit it): the
// `validate` worker that starts reading the file named in SINAS_TEST_CRASH_ON stops dead, as on a
// crash in native code, before it can answer. Test-only; never shipped.
const { isMainThread } = require('node:worker_threads');
const fs = require('node:fs');

if (!isMainThread && process.env.SINAS_TEST_CRASH_ON) {
  const openSync = fs.openSync;
  fs.openSync = function (path, ...rest) {
    if (path === process.env.SINAS_TEST_CRASH_ON) process.exit(70);
    return openSync.call(this, path, ...rest);
  };
}
