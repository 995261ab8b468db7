/**
 * Well-known tracking and embedding hosts, and the cookies their tags set: what the audit names
 * when it finds one ungated or undeclared. Kept small on purpose: a guess to start from, not a
 * database. No DOM here (the command-line audit imports it in Node).
 */
import type {OptionalCategory} from '../core/decision.js';

export interface KnownHost {
  /** A host name or a parent domain of it (`doubleclick.net` covers `ad.doubleclick.net`). */
  domain: string;
  /** A path the host serves this from, when the domain alone would say too much (`google.com/maps`). */
  path?: string;
  provider: string;
  category: OptionalCategory;
  what: 'analytics' | 'tag manager' | 'advertising' | 'social pixel' | 'video' | 'map' | 'chat';
}

const host = (
  domain: string,
  provider: string,
  category: OptionalCategory,
  what: KnownHost['what'],
  path?: string
): KnownHost => ({domain, provider, category, what, ...(path ? {path} : {})});

/** Most specific first: the first that matches wins. */
export const KNOWN_HOSTS: readonly KnownHost[] = [
  host('google-analytics.com', 'Google Analytics', 'performance', 'analytics'),
  host('analytics.google.com', 'Google Analytics', 'performance', 'analytics'),
  host('googletagmanager.com', 'Google Tag Manager', 'performance', 'tag manager'),
  host('static.hotjar.com', 'Hotjar', 'performance', 'analytics'),
  host('hotjar.com', 'Hotjar', 'performance', 'analytics'),
  host('clarity.ms', 'Microsoft Clarity', 'performance', 'analytics'),
  host('cdn.segment.com', 'Segment', 'performance', 'analytics'),
  host('mixpanel.com', 'Mixpanel', 'performance', 'analytics'),
  host('amplitude.com', 'Amplitude', 'performance', 'analytics'),
  host('heapanalytics.com', 'Heap', 'performance', 'analytics'),
  host('matomo.cloud', 'Matomo', 'performance', 'analytics'),
  host('plausible.io', 'Plausible', 'performance', 'analytics'),
  host('doubleclick.net', 'Google Ads (DoubleClick)', 'targeting', 'advertising'),
  host('googlesyndication.com', 'Google AdSense', 'targeting', 'advertising'),
  host('googleadservices.com', 'Google Ads', 'targeting', 'advertising'),
  host('adservice.google.com', 'Google Ads', 'targeting', 'advertising'),
  host('amazon-adsystem.com', 'Amazon Ads', 'targeting', 'advertising'),
  host('criteo.com', 'Criteo', 'targeting', 'advertising'),
  host('criteo.net', 'Criteo', 'targeting', 'advertising'),
  host('taboola.com', 'Taboola', 'targeting', 'advertising'),
  host('outbrain.com', 'Outbrain', 'targeting', 'advertising'),
  host('adnxs.com', 'Xandr', 'targeting', 'advertising'),
  host('bat.bing.com', 'Microsoft Advertising', 'targeting', 'advertising'),
  host('connect.facebook.net', 'Meta Pixel', 'targeting', 'social pixel'),
  host('facebook.com', 'Meta Pixel', 'targeting', 'social pixel', '/tr'),
  host('snap.licdn.com', 'LinkedIn Insight Tag', 'targeting', 'social pixel'),
  host('px.ads.linkedin.com', 'LinkedIn Insight Tag', 'targeting', 'social pixel'),
  host('analytics.tiktok.com', 'TikTok Pixel', 'targeting', 'social pixel'),
  host('static.ads-twitter.com', 'X (Twitter) Pixel', 'targeting', 'social pixel'),
  host('ads-twitter.com', 'X (Twitter) Pixel', 'targeting', 'social pixel'),
  host('ct.pinterest.com', 'Pinterest Tag', 'targeting', 'social pixel'),
  host('s.pinimg.com', 'Pinterest Tag', 'targeting', 'social pixel'),
  host('sc-static.net', 'Snap Pixel', 'targeting', 'social pixel'),
  host('platform.twitter.com', 'X (Twitter) embed', 'targeting', 'social pixel'),
  host('youtube-nocookie.com', 'YouTube (privacy-enhanced mode)', 'functionality', 'video'),
  host('youtube.com', 'YouTube', 'targeting', 'video'),
  host('player.vimeo.com', 'Vimeo', 'functionality', 'video'),
  host('maps.googleapis.com', 'Google Maps', 'functionality', 'map'),
  host('maps.google.com', 'Google Maps', 'functionality', 'map'),
  host('google.com', 'Google Maps', 'functionality', 'map', '/maps'),
  host('widget.intercom.io', 'Intercom', 'functionality', 'chat'),
  host('js.hs-scripts.com', 'HubSpot', 'targeting', 'analytics'),
];

/** The known host a URL belongs to, if any. */
export function knownHost(url: string): KnownHost | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return undefined;
  }
  const name = parsed.hostname.toLowerCase();
  return KNOWN_HOSTS.find(
    (known) =>
      (name === known.domain || name.endsWith(`.${known.domain}`)) &&
      (!known.path || parsed.pathname.startsWith(known.path))
  );
}

export interface KnownCookie {
  /** Matches the cookie's name. */
  pattern: RegExp;
  provider: string;
  category: OptionalCategory;
}

/** Cookies that well-known tags set on the site's own domain, by name. */
export const KNOWN_COOKIES: readonly KnownCookie[] = [
  {pattern: /^(_ga|_ga_\w+|_gid|_gat(_\w+)?|__utm[a-z])$/, provider: 'Google Analytics', category: 'performance'},
  {pattern: /^(_gcl_\w+|IDE|test_cookie|DSID|__gads|__gpi)$/, provider: 'Google Ads', category: 'targeting'},
  {pattern: /^(_fbp|_fbc|fr)$/, provider: 'Meta Pixel', category: 'targeting'},
  {pattern: /^_hj\w*$/, provider: 'Hotjar', category: 'performance'},
  {pattern: /^(_clck|_clsk|CLID|MUID|_uetsid|_uetvid)$/, provider: 'Microsoft', category: 'performance'},
  {
    pattern: /^(li_\w+|bcookie|lidc|UserMatchHistory|AnalyticsSyncHistory)$/,
    provider: 'LinkedIn',
    category: 'targeting',
  },
  {pattern: /^(_ttp|ttwid)$/, provider: 'TikTok', category: 'targeting'},
  {pattern: /^(_pin_unauth|_pinterest_\w+)$/, provider: 'Pinterest', category: 'targeting'},
  {pattern: /^(_pk_\w+|MATOMO_\w+)$/, provider: 'Matomo', category: 'performance'},
  {pattern: /^(ajs_\w+)$/, provider: 'Segment', category: 'performance'},
  {pattern: /^(mp_\w+)$/, provider: 'Mixpanel', category: 'performance'},
  {pattern: /^(YSC|VISITOR_INFO1_LIVE|VISITOR_PRIVACY_METADATA)$/, provider: 'YouTube', category: 'targeting'},
  {pattern: /^(vuid)$/, provider: 'Vimeo', category: 'functionality'},
  {pattern: /^(intercom-\S+)$/, provider: 'Intercom', category: 'functionality'},
  {pattern: /^(hubspotutk|__hstc|__hssc|__hssrc)$/, provider: 'HubSpot', category: 'targeting'},
];

export function knownCookie(name: string): KnownCookie | undefined {
  return KNOWN_COOKIES.find((known) => known.pattern.test(name));
}
