/** The two builds `npm test` makes: the site at `/` and the same site under a sub-path (`DIST_DIR`, `SUB_DIST_DIR` override). */
export const BUILDS = [
  { dir: process.env.DIST_DIR ?? 'dist', base: '/' },
  { dir: process.env.SUB_DIST_DIR ?? 'dist-sub', base: '/rnn/' },
];
