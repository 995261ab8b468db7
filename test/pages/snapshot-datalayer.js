// Stands in for an ungated Google tag in <head>: records what the dataLayer held when it ran.
window.dataLayerAtTag = (window.dataLayer || []).map((entry) => Array.from(entry));
