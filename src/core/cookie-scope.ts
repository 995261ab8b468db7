/** Where copies of a cookie this page can see may have been set: each path and each domain. */

/** `/a/b` gives `/`, `/a`, `/a/`, `/a/b`, `/a/b/`: each path a cookie of this page may carry. */
export function cookiePaths(pathname: string): string[] {
  const paths = new Set(['/']);
  let prefix = '';
  for (const segment of pathname.split('/').filter(Boolean)) {
    prefix += `/${segment}`;
    paths.add(prefix);
    paths.add(`${prefix}/`);
  }
  return [...paths];
}

/** `www.news.example.org` gives itself, `news.example.org` and `example.org`: the domains a cookie may name. */
export function cookieDomains(hostname: string): string[] {
  const labels = hostname.split('.');
  if (labels.length < 2 || /^[\d.]+$/.test(hostname) || hostname.includes(':')) return [];
  return labels.slice(0, -1).map((_, index) => labels.slice(index).join('.'));
}
