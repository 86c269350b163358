/**
 * Loaded into the language server by the LSP tests that measure its memory (`--require`, with
 * `--expose-gc`; see test/support/lsp-client.ts `liveMemoryMB`), never by the product. Asked over
 * the IPC channel, it runs full garbage collections and answers what JavaScript still holds: the
 * live heap and the memory of live Buffers and ArrayBuffers, beside the process's resident memory.
 *
 * Why not the resident memory alone: after a burst of edits the allocators keep freed memory for
 * reuse and hand it back on their own schedule — V8's pool of heap pages on Node 22, glibc's main
 * malloc arena on Node 24 (35.6 MB held, 3.5 MB of it in use; `malloc_trim` gives the process back
 * 18 MB below its start) — which says nothing about what the server retains.
 */
'use strict';
const v8 = require('node:v8');

process.on('message', message => {
    if (message !== 'acct-test:live-memory' || typeof global.gc !== 'function' || !process.send) return;
    // twice: objects kept only by finalizers or weak references go on the second pass
    global.gc();
    global.gc();
    const usage = process.memoryUsage();
    const heap = v8.getHeapStatistics();
    // V8's compiled code and the bytecode and metadata it keeps beside it (its code and trusted
    // spaces; Node 20 has no trusted space) grow as the server's functions are optimised, on
    // V8's schedule: measured apart, so that what the server's data holds can be compared alone.
    const code = v8
        .getHeapSpaceStatistics()
        .filter(space => /^(code|trusted)(_large_object)?_space$/.test(space.space_name))
        .reduce((sum, space) => sum + space.space_used_size, 0);
    process.send({
        liveMemory: {
            heapMB: usage.heapUsed / 1048576,
            codeMB: code / 1048576,
            externalMB: usage.external / 1048576,
            heapTotalMB: heap.total_heap_size / 1048576,
            rssMB: usage.rss / 1048576,
        },
    });
});
