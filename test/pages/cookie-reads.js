// Counts the page's reads of document.cookie: each is a round trip to the browser's cookie store.
(() => {
  const descriptor = Object.getOwnPropertyDescriptor(Document.prototype, 'cookie');
  window.cookieReads = 0;
  Object.defineProperty(document, 'cookie', {
    configurable: true,
    get() {
      window.cookieReads++;
      return descriptor.get.call(this);
    },
    set(value) {
      descriptor.set.call(this, value);
    },
  });
})();
