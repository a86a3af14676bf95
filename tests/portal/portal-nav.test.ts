import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, test, vi } from "vitest";

const nav = vi.hoisted(() => ({ path: "/portal" }));
vi.mock("next/navigation", () => ({ usePathname: () => nav.path }));

import { TabNavLink } from "@/components/layout/tab-nav-link";

const TABS = [
  { href: "/portal", label: "Overview", exact: true },
  { href: "/portal/invoices", label: "Invoices" },
  { href: "/portal/orders", label: "Orders" },
];
// The mocked usePathname is a plain function, so the component can be called directly.
const tab = (href: string, label: string, exact?: boolean) =>
  renderToStaticMarkup(TabNavLink({ href, exact, children: label }));
const current = (path: string) => {
  nav.path = path;
  const html = TABS.map((t) => tab(t.href, t.label, t.exact));
  return TABS.filter((_, i) => html[i].includes('aria-current="page"')).map((t) => t.label);
};

describe("portal navigation", () => {
  test("marks exactly the current section, including its sub-pages", () => {
    expect(current("/portal")).toEqual(["Overview"]);
    expect(current("/portal/invoices")).toEqual(["Invoices"]);
    expect(current("/portal/invoices/inv_123")).toEqual(["Invoices"]);
    expect(current("/portal/orders")).toEqual(["Orders"]);
    expect(current("/portal/ordersx")).toEqual([]);
  });

  test("the current tab is underlined in the brand colour; the others are not", () => {
    nav.path = "/portal/orders";
    const on = tab("/portal/orders", "Orders");
    const off = tab("/portal/invoices", "Invoices");
    expect(on).toMatch(/border-brand-600/);
    expect(on).toMatch(/text-brand-700/);
    expect(off).toMatch(/border-transparent/);
    expect(off).not.toMatch(/aria-current/);
  });
});
