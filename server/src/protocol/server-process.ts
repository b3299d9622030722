/**
 * How the language server's Node process is started, by the extension and by the benchmark
 * (which measures what users run). A young generation of 1 MB instead of up to 16 and V8's
 * size-over-speed heap policy keep the resident memory of a server with a large document open
 * low and flat over thousands of edits (without it, the garbage of each version piles up in the
 * old generation until a late full collection); one malloc arena keeps what the compiler frees
 * in one place. No other allocator settings: sending every allocation of 16 KB or more to
 * mmap/munmap made the first analysis of a 10,000-line package 2.5 times slower. Other editors
 * can pass the same to `node dist/server.js`; the server works without them.
 */
export const SERVER_EXEC_ARGV: readonly string[] = ['--max-semi-space-size=1', '--optimize-for-size'];

/** glibc's allocator (Linux); ignored elsewhere. */
export const SERVER_ENV: Readonly<Record<string, string>> = {
  MALLOC_ARENA_MAX: '1',
};
