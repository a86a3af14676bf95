// Turns a request path into the App Router pattern that serves it ("/admin/customers/[id]"), so
// HTTP metrics have one series per route rather than one per customer id. The patterns come from
// the app/ directory itself: the same files Next routes by, in dev and in production.
import { readdirSync } from "node:fs";
import path from "node:path";

type Pattern = { route: string; regex: RegExp; dynamic: number; statics: number };

const ROUTE_FILE = /^(page|route)\.(tsx|ts|jsx|js|mdx)$/;

function escape(s: string) {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

function compile(segments: string[]): Pattern {
  let source = "";
  let dynamic = 0;
  for (const seg of segments) {
    if (seg.startsWith("[[...")) {
      source += "(?:/.+)?";
      dynamic += 3;
    } else if (seg.startsWith("[...")) {
      source += "/.+";
      dynamic += 2;
    } else if (seg.startsWith("[")) {
      source += "/[^/]+";
      dynamic += 1;
    } else source += `/${escape(seg)}`;
  }
  return {
    route: `/${segments.join("/")}`,
    regex: new RegExp(`^${source || "/"}$`),
    dynamic,
    statics: segments.filter((s) => !s.startsWith("[")).length,
  };
}

/** Every URL pattern an App Router tree under `appDir` serves, from its page and route files. */
export function appRoutePatterns(appDir: string): Pattern[] {
  const out: Pattern[] = [];
  const walk = (dir: string, segments: string[]) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.isFile() && ROUTE_FILE.test(entry.name)) out.push(compile(segments));
      if (!entry.isDirectory()) continue;
      const name = entry.name;
      // Private folders are not routes; interceptors only catch client-side navigations to a
      // route that exists anyway; groups and parallel slots add no URL segment.
      if (name.startsWith("_") || name.startsWith("(.")) continue;
      const noSegment = (name.startsWith("(") && name.endsWith(")")) || name.startsWith("@");
      walk(path.join(dir, name), noSegment ? segments : [...segments, name]);
    }
  };
  walk(appDir, []);
  // The most specific pattern wins: fewer dynamic segments first, then more static ones.
  return out.sort((a, b) => a.dynamic - b.dynamic || b.statics - a.statics);
}

/** Maps a request URL to its route pattern, a bucket for Next's own assets, or "(unmatched)". */
export function routeMatcher(patterns: Pattern[]): (url: string) => string {
  return (url) => {
    let pathname = url.split("?")[0] || "/";
    if (pathname.length > 1 && pathname.endsWith("/")) pathname = pathname.slice(0, -1);
    if (pathname.startsWith("/_next/")) {
      const kind = pathname.split("/")[2];
      return ["static", "image", "data"].includes(kind) ? `/_next/${kind}` : "/_next";
    }
    for (const p of patterns) if (p.regex.test(pathname)) return p.route;
    return "(unmatched)";
  };
}
