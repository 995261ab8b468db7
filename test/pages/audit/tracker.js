// A stand-in for a tracking tag (served under a tracker's host name in the tests): it sets a cookie and a storage key.
document.cookie = '_ga=GA1.1.123.456; path=/; max-age=63072000';
document.cookie = '_ga_ABC123XYZ=GS1.1.1; path=/; max-age=63072000';
localStorage.setItem('_hjTLDTest', '1');
