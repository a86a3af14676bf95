/** Only same-site paths: a crafted link must not bounce a fresh password change off-site. */
export const safeReturnTo = (url: string | undefined) =>
  url?.startsWith("/") && !url.startsWith("//") ? url : "/signed-in";
