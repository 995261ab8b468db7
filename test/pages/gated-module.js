// A gated ES module: records that it ran, and that it ran as a module.
(window.ran = window.ran || []).push(`module:${typeof import.meta.url}`);
