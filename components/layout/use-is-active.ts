"use client";

import { usePathname } from "next/navigation";

/** Whether `href` is the current section: the page itself or, unless `exact`, one below it. */
export function useIsActive(href: string, exact?: boolean): boolean {
  const path = usePathname() ?? "";
  return exact ? path === href : path === href || path.startsWith(`${href}/`);
}
