import { expect, test } from "vitest";
import {
  buildGroups,
  coaAttributesFor,
  mikrotikRateLimit,
  planGroup,
  SUSPENDED_GROUP,
  THROTTLE_GROUP,
  type NetworkSettings,
} from "./radius-groups";

const settings: NetworkSettings = {
  radiusSuspendedAccess: "REJECT",
  radiusThrottleDownKbps: 1024,
  radiusThrottleUpKbps: 512,
  radiusRedirectList: "pay-now",
  radiusWalledGardenList: "walled",
  radiusInterimSeconds: 600,
};

test("MikroTik rate limits are upload/download as the router sees them, burst fields in order", () => {
  expect(mikrotikRateLimit({ downKbps: 50_000, upKbps: 10_000 })).toBe("10M/50M");
  expect(mikrotikRateLimit({ downKbps: 1500, upKbps: 512 })).toBe("512k/1500k");
  expect(
    mikrotikRateLimit({
      downKbps: 20_000,
      upKbps: 4000,
      burstDownKbps: 40_000,
      burstUpKbps: 8000,
      burstSeconds: 10,
    }),
  ).toBe("4M/20M 8M/40M 3M/15M 10/10");
  // A burst on one side only bursts that side; the default burst time is 8 s.
  expect(mikrotikRateLimit({ downKbps: 20_000, upKbps: 4000, burstDownKbps: 30_000 })).toBe(
    "4M/20M 4M/30M 3M/15M 8/8",
  );
});

test("every plan gets its speed for MikroTik, Cisco and WISPr; an unshaped plan only the interval", () => {
  const groups = buildGroups(
    [
      {
        code: "F50",
        downloadMbps: 50,
        uploadMbps: 10,
        burstDownloadMbps: null,
        burstUploadMbps: null,
        burstSeconds: null,
      },
      {
        code: "OPEN",
        downloadMbps: null,
        uploadMbps: null,
        burstDownloadMbps: null,
        burstUploadMbps: null,
        burstSeconds: null,
      },
    ],
    settings,
  );
  expect(groups.get(planGroup("F50"))!.reply).toEqual([
    { attribute: "Mikrotik-Rate-Limit", op: ":=", value: "10M/50M" },
    {
      attribute: "Cisco-AVPair",
      op: "+=",
      value:
        "lcp:interface-config#1=rate-limit input 10000000 1875000 3750000 conform-action transmit exceed-action drop",
    },
    {
      attribute: "Cisco-AVPair",
      op: "+=",
      value:
        "lcp:interface-config#2=rate-limit output 50000000 9375000 18750000 conform-action transmit exceed-action drop",
    },
    { attribute: "WISPr-Bandwidth-Max-Down", op: ":=", value: "50000000" },
    { attribute: "WISPr-Bandwidth-Max-Up", op: ":=", value: "10000000" },
    { attribute: "Acct-Interim-Interval", op: ":=", value: "600" },
  ]);
  expect(groups.get(planGroup("OPEN"))!.reply).toEqual([
    { attribute: "Acct-Interim-Interval", op: ":=", value: "600" },
  ]);
  expect(groups.get(THROTTLE_GROUP)!.reply).toContainEqual({
    attribute: "Mikrotik-Address-List",
    op: ":=",
    value: "pay-now",
  });
  expect(groups.get(SUSPENDED_GROUP)!.check).toEqual([
    { attribute: "Auth-Type", op: ":=", value: "Reject" },
  ]);
});

test("a CoA carries only the attributes of the NAS's own vendor", () => {
  const throttle = buildGroups([], settings).get(THROTTLE_GROUP)!;
  expect(coaAttributesFor(throttle, "MIKROTIK").map((r) => r.attribute)).toEqual([
    "Mikrotik-Rate-Limit",
    "Mikrotik-Address-List",
  ]);
  expect(coaAttributesFor(throttle, "CISCO").map((r) => r.attribute)).toEqual([
    "Cisco-AVPair",
    "Cisco-AVPair",
  ]);
  expect(coaAttributesFor(throttle, "OTHER").map((r) => r.attribute)).toEqual([
    "WISPr-Bandwidth-Max-Down",
    "WISPr-Bandwidth-Max-Up",
  ]);
});
