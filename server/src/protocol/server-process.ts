/**
 * How the language server's Node process is started, by the extension and by the benchmark
 * (which measures what users run). A young generation of 1 MB instead of up to 16 keeps the
 * resident memory of a server with a large document open low for a small cost in collections
 * (the server also collects fully when idle after changes: lsp/idle-collection.ts); one malloc
 * arena keeps what the compiler frees in one place. No other allocator settings: sending every
 * allocation of 16 KB or more to mmap/munmap made the first analysis of a 10,000-line package
 * 2.5 times slower. Other editors can pass the same to `node dist/server.js`; the server works
 * without them.
 */
export const SERVER_EXEC_ARGV: readonly string[] = ['--max-semi-space-size=1'];

/** glibc's allocator (Linux); ignored elsewhere. */
export const SERVER_ENV: Readonly<Record<string, string>> = {
  MALLOC_ARENA_MAX: '1',
};
