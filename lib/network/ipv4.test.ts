import { expect, test } from "vitest";
import { assignable, assignableCount, inCidr, intToIp, ipToInt, parseCidr } from "./ipv4";

test("addresses and blocks", () => {
  expect(intToIp(ipToInt("203.0.113.77"))).toBe("203.0.113.77");
  expect(parseCidr("203.0.113.0/26")).toEqual({
    network: ipToInt("203.0.113.0"),
    broadcast: ipToInt("203.0.113.63"),
    prefix: 26,
  });
  for (const bad of ["203.0.113.5/26", "203.0.113.0/33", "300.0.0.0/8", "2001:db8::/64", "x"])
    expect(parseCidr(bad)).toBeNull();
  const c = parseCidr("203.0.113.0/29")!;
  expect(inCidr(c, "203.0.113.7")).toBe(true);
  expect(inCidr(c, "203.0.113.8")).toBe(false);
  expect([...assignable(c, "203.0.113.1")]).toEqual([
    "203.0.113.2",
    "203.0.113.3",
    "203.0.113.4",
    "203.0.113.5",
    "203.0.113.6",
  ]);
  expect(assignableCount(c, "203.0.113.1")).toBe(5);
  expect([...assignable(parseCidr("198.51.100.9/32")!, null)]).toEqual(["198.51.100.9"]);
});
