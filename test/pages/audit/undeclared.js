// A gated script that sets a cookie the page forgot to declare.
document.cookie = 'promo_seen=1; path=/; max-age=2592000';
