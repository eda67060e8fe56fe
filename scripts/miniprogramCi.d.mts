export const MINIPROGRAM_CI_VERSION: string;
/** miniprogram-ci (untyped here: wechat.ts and checkWeapp.mjs use a few calls of it) and a require inside it. */
export function loadMiniprogramCi(): { ci: any; require: (id: string) => any };
