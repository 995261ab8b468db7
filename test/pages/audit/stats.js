// A gated analytics script of a clean page: the cookies it sets are declared.
document.cookie = '_ga=GA1.1.789.012; path=/; max-age=63072000';
