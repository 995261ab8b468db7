/** The library's version, as in package.json (a Node test checks they agree), for the consent record. */
export const VERSION = '0.1.0';
