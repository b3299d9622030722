/**
 * How the language server's Node process is started, by the extension and by the benchmark
 * (which measures what users run). Other editors can pass the same to `node dist/server.js`; the
 * server works without them. Each one keeps resident memory down at no measured cost in speed:
 *
 * - A young generation of 1 MB instead of up to 16 keeps a server with a large document open
 *   small for a few more (cheap) young collections.
 * - `gc()` is exposed for that idle collection; without it the server has to create a second
 *   V8 context to reach it, about 2 MB.
 * - One helper thread for V8's garbage collection and compilation instead of four: each helper
 *   keeps buffers and a stack of its own (2 to 3 MB for three more), and the server's heap is
 *   small enough that more helpers do not make it faster (on two cores they made first opens
 *   slower, 10k to 100k lines).
 * - V8's builtins stay where Node's executable has them instead of being copied next to the
 *   compiled code for shorter calls: the copy and the original both end up resident (1.3 MB), and
 *   the shorter calls made no measurable difference to opens or edits.
 *
 * `--optimize-for-size`, `--lite-mode` and `--jitless` were measured and rejected: two to three
 * times slower on documents that allocate a lot. So was `--heap-growing-percent=50` (the old
 * generation growing by half of what is live, not up to fourfold): 1,000 edits to a 10,000-line
 * package left 84 MB resident instead of 101 until the idle collection (lsp/idle-collection.ts)
 * brings both back to 70, but the first open of a 100,000-line package took 5% longer.
 */
export const SERVER_EXEC_ARGV: readonly string[] = ['--max-semi-space-size=1', '--expose-gc', '--no-short-builtin-calls', '--v8-pool-size=1'];

/**
 * glibc's allocator (Linux); ignored elsewhere. One arena keeps what the compilers free in one
 * place. The mmap and trim thresholds are left to glibc: fixing both at 128 KB returned about
 * 1 MB more to the system with a 10,000-line package open, but made the first open of a
 * 100,000-line package 10% slower (every large block mapped and faulted in afresh); sending every
 * allocation of 16 KB or more to mmap/munmap made the first analysis of a 10,000-line package 2.5
 * times slower.
 */
export const SERVER_ENV: Readonly<Record<string, string>> = {
  MALLOC_ARENA_MAX: '1',
};
