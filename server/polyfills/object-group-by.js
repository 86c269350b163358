// Object.groupBy (ES2024) where the runtime lacks it: Node 20 and the Node 20 that code-server
// 4.100 (VS Code 1.100, the `engines` floor) runs extensions on. Chevrotain 12+ calls it when it
// checks the grammar as the parser is built. Installed only when missing; the same semantics as
// the standard's (a null-prototype object of arrays, keys as property keys, in order).
// esbuild.mjs puts this file at the top of the Node bundles; vitest.config.mts runs it first.
if (typeof Object.groupBy !== 'function') {
    Object.defineProperty(Object, 'groupBy', {
        configurable: true,
        writable: true,
        enumerable: false,
        value: function groupBy(items, callback) {
            if (typeof callback !== 'function') throw new TypeError('Object.groupBy: callback is not a function');
            const groups = Object.create(null);
            let index = 0;
            for (const item of items) {
                const key = callback(item, index++);
                const k = typeof key === 'symbol' ? key : String(key);
                if (Object.prototype.hasOwnProperty.call(groups, k)) groups[k].push(item);
                else groups[k] = [item];
            }
            return groups;
        },
    });
}
