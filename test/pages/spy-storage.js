// Records every write to localStorage and sessionStorage, for the "quiet by default" test.
window.storageWrites = [];
for (const method of ['setItem', 'removeItem', 'clear']) {
  const original = Storage.prototype[method];
  Storage.prototype[method] = function (...args) {
    window.storageWrites.push(`${this === window.localStorage ? 'local' : 'session'}.${method}(${args.join(', ')})`);
    return original.apply(this, args);
  };
}
