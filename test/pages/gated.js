// A stand-in for a third-party script: records that it ran, in order, with its name.
(window.ran = window.ran || []).push(document.currentScript.dataset.name);
