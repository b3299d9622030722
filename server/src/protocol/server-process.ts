/**
 * How the language server's Node process is started, by the extension and by the benchmark
 * (which measures what users run). A young generation of 1 MB instead of up to 16 keeps the
 * resident memory of a server with a large document open low for a small cost in collections;
 * the allocator settings let memory freed by the compiler go back to the system. Other editors
 * can pass the same to `node dist/server.js`; the server works without them.
 */
export const SERVER_EXEC_ARGV: readonly string[] = ['--max-semi-space-size=1'];

/** glibc's allocator (Linux); ignored elsewhere. */
export const SERVER_ENV: Readonly<Record<string, string>> = {
  MALLOC_ARENA_MAX: '1',
  MALLOC_TRIM_THRESHOLD_: '0',
  MALLOC_TOP_PAD_: '0',
  MALLOC_MMAP_THRESHOLD_: '16384',
};
