// Stands in for a browser that cannot construct a CSSStyleSheet (Safari before 16.4).
window.CSSStyleSheet = function () {
  throw new TypeError('Illegal constructor');
};
