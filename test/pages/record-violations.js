// Records every Content Security Policy violation the page reports.
window.violations = [];
document.addEventListener('securitypolicyviolation', (event) =>
  window.violations.push(`${event.violatedDirective}: ${event.blockedURI}`)
);
