/** Where invite and share links point, in the URL fragment (the router needs only these, not the codecs in links.ts). */
export const INVITE_ROUTE = '#/invite';
export const SHARE_ROUTE = '#/share/';
