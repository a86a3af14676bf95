// The app's routes as the file system declares them, so the security specs cover what exists
// rather than a list someone remembered: pages under a folder and route handlers under app/api.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import type { Permission } from "@/lib/auth/roles";

const APP = "app";

function walk(dir: string, file: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return walk(full, file);
    return e.name === file ? [full] : [];
  });
}

/** "app/admin/customers/(list)/page.tsx" → "/admin/customers" (route groups dropped). */
export function routePattern(file: string): string {
  const segments = path
    .relative(APP, path.dirname(file))
    .split(path.sep)
    .filter((s) => s && !/^\(.*\)$/.test(s));
  return `/${segments.join("/")}`;
}

/** Page patterns under app/<folder>, e.g. "/admin/customers/[id]". */
export const pagePatterns = (folder: string) =>
  walk(path.join(APP, folder), "page.tsx").map(routePattern).sort();

/**
 * Page patterns under app/<folder> rendered inside a loading.tsx boundary (in their own folder or
 * one above): the 200 and the skeleton are sent before the page runs, so a forbidden() or
 * notFound() inside it arrives as the 403/404 page in the stream, not as the status code.
 */
export function streamedPages(folder: string): Set<string> {
  const root = path.join(APP, folder);
  return new Set(
    walk(root, "page.tsx")
      .filter((file) => {
        for (let dir = path.dirname(file); dir.startsWith(root); dir = path.dirname(dir))
          if (existsSync(path.join(dir, "loading.tsx"))) return true;
        return false;
      })
      .map(routePattern),
  );
}

/**
 * The permission a section's layout.tsx checks (`requirePermission("…")`) for a page under it, or
 * null. Such a check runs above the section's loading.tsx, so its refusal is a real 403.
 */
export function layoutPermission(pattern: string): Permission | null {
  const section = pattern.split("/").slice(0, 3).join("/"); // "/admin/payments"
  const file = path.join(APP, section, "layout.tsx");
  if (!existsSync(file)) return null;
  const found = /requirePermission\(\s*"([^"]+)"/.exec(readFileSync(file, "utf8"));
  return (found?.[1] as Permission | undefined) ?? null;
}

const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"];

/** Every route handler under app/api with the HTTP methods its file exports. */
export function apiRoutes(): { pattern: string; methods: string[] }[] {
  return walk(path.join(APP, "api"), "route.ts")
    .map((file) => {
      const source = readFileSync(file, "utf8");
      const methods = METHODS.filter((m) =>
        new RegExp(
          `export\\s+(async\\s+)?(const|function)\\s+${m}\\b|export\\s+(const\\s+)?\\{[^}]*\\b${m}\\b[^}]*\\}`,
        ).test(source),
      );
      return { pattern: routePattern(file), methods };
    })
    .sort((a, b) => a.pattern.localeCompare(b.pattern));
}

/** "/admin/orders/[id]" with ids filled in from `ids` by segment name. */
export const fillPattern = (pattern: string, id: string) =>
  pattern.replace(/\[\.\.\.[^\]]+\]|\[[^\]]+\]|\{[^}]+\}/g, id);
