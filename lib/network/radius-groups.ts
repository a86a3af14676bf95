// What FreeRADIUS hands a NAS for each kind of service, as radgroupcheck/radgroupreply rows: one
// group per plan (its speed profile) and one each for soft suspension (throttled, redirected),
// the walled garden and hard suspension (rejected). Every speed is written for the three NAS
// families we support — MikroTik (Mikrotik-Rate-Limit with burst), Cisco (rate-limit AV-pairs)
// and WISPr — because a NAS ignores another vendor's attributes in an Access-Accept. CoA is
// stricter (RFC 5176: an unsupported attribute is a NAK), so coaAttributesFor picks per NAS type.
import type { NasType } from "@/lib/generated/prisma/enums";

export const GROUP_PREFIX = "lastmile-";
export const planGroup = (productCode: string) => `${GROUP_PREFIX}plan-${productCode}`;
/** A plan's fair-use speed once its data cap is used up (CapAction THROTTLE). */
export const fupGroup = (productCode: string) => `${GROUP_PREFIX}fup-${productCode}`;
export const THROTTLE_GROUP = `${GROUP_PREFIX}throttle`;
export const WALLED_GARDEN_GROUP = `${GROUP_PREFIX}walled-garden`;
export const SUSPENDED_GROUP = `${GROUP_PREFIX}suspended`;

/** One row of radcheck/radreply/radgroupcheck/radgroupreply. */
export type RadiusRow = { attribute: string; op: string; value: string };
export type GroupRows = { check: RadiusRow[]; reply: RadiusRow[] };

export type Speed = {
  downKbps: number;
  upKbps: number;
  burstDownKbps?: number | null;
  burstUpKbps?: number | null;
  burstSeconds?: number | null;
};

export type NetworkSettings = {
  radiusSuspendedAccess: "REJECT" | "WALLED_GARDEN";
  radiusThrottleDownKbps: number;
  radiusThrottleUpKbps: number;
  radiusRedirectList: string;
  radiusWalledGardenList: string;
  radiusInterimSeconds: number;
};

export type PlanSpeedSource = {
  code: string;
  downloadMbps: number | null;
  uploadMbps: number | null;
  burstDownloadMbps: number | null;
  burstUploadMbps: number | null;
  burstSeconds: number | null;
  /** Plans whose cap throttles get a fair-use group as well. */
  dataCapGb?: number | null;
  capAction?: "NOTIFY" | "THROTTLE" | "BLOCK" | "BILL_OVERAGE";
  fupDownloadMbps?: number | null;
  fupUploadMbps?: number | null;
};

/** RouterOS rates are decimal: 10M = 10,000,000 bit/s, 512k = 512,000 bit/s. */
const rate = (kbps: number) => (kbps % 1000 === 0 ? `${kbps / 1000}M` : `${kbps}k`);

/**
 * `rx/tx [burst-rx/burst-tx threshold-rx/threshold-tx time-rx/time-tx]` as the NAS sees it: rx is
 * what the router receives from the customer (upload), tx what it sends (download). The burst
 * threshold is ¾ of the base rate, MikroTik's own suggestion.
 */
export function mikrotikRateLimit(s: Speed): string {
  const base = `${rate(s.upKbps)}/${rate(s.downKbps)}`;
  if (!s.burstDownKbps && !s.burstUpKbps) return base;
  const bUp = s.burstUpKbps ?? s.upKbps;
  const bDown = s.burstDownKbps ?? s.downKbps;
  const t = s.burstSeconds ?? 8;
  const threshold = (k: number) => rate(Math.round((k * 3) / 4));
  return `${base} ${rate(bUp)}/${rate(bDown)} ${threshold(s.upKbps)}/${threshold(s.downKbps)} ${t}/${t}`;
}

/** Cisco CAR on the PPP interface: input is the customer's upload, output their download. */
function ciscoRateLimits(s: Speed): RadiusRow[] {
  const car = (n: number, dir: "input" | "output", kbps: number, burstKbps?: number | null) => {
    const bps = kbps * 1000;
    const normal = Math.round((bps / 8) * 1.5); // Cisco: 1.5 s of traffic
    const max = burstKbps
      ? Math.round(((burstKbps * 1000) / 8) * (s.burstSeconds ?? 8))
      : normal * 2;
    return {
      attribute: "Cisco-AVPair",
      op: "+=",
      value: `lcp:interface-config#${n}=rate-limit ${dir} ${bps} ${normal} ${Math.max(max, normal)} conform-action transmit exceed-action drop`,
    };
  };
  return [car(1, "input", s.upKbps, s.burstUpKbps), car(2, "output", s.downKbps, s.burstDownKbps)];
}

function speedRows(s: Speed): RadiusRow[] {
  return [
    { attribute: "Mikrotik-Rate-Limit", op: ":=", value: mikrotikRateLimit(s) },
    ...ciscoRateLimits(s),
    { attribute: "WISPr-Bandwidth-Max-Down", op: ":=", value: String(s.downKbps * 1000) },
    { attribute: "WISPr-Bandwidth-Max-Up", op: ":=", value: String(s.upKbps * 1000) },
  ];
}

export function planSpeed(p: PlanSpeedSource): Speed | null {
  if (!p.downloadMbps || !p.uploadMbps) return null;
  return {
    downKbps: p.downloadMbps * 1000,
    upKbps: p.uploadMbps * 1000,
    burstDownKbps: p.burstDownloadMbps ? p.burstDownloadMbps * 1000 : null,
    burstUpKbps: p.burstUploadMbps ? p.burstUploadMbps * 1000 : null,
    burstSeconds: p.burstSeconds,
  };
}

/** Every group we own, by name, from the plans and the ISP's network settings. */
export function buildGroups(
  plans: readonly PlanSpeedSource[],
  settings: NetworkSettings,
): Map<string, GroupRows> {
  const interim: RadiusRow = {
    attribute: "Acct-Interim-Interval",
    op: ":=",
    value: String(settings.radiusInterimSeconds),
  };
  const throttle = speedRows({
    downKbps: settings.radiusThrottleDownKbps,
    upKbps: settings.radiusThrottleUpKbps,
  });
  const groups = new Map<string, GroupRows>();
  for (const p of plans) {
    const speed = planSpeed(p);
    groups.set(planGroup(p.code), {
      check: [],
      reply: [...(speed ? speedRows(speed) : []), interim],
    });
    if (p.dataCapGb && p.capAction === "THROTTLE") {
      // The plan's own fair-use speed, else the ISP's throttle speed; no address list, so the
      // step from the plan to fair use (and back after a top-up) is a plain CoA.
      const fup =
        p.fupDownloadMbps && p.fupUploadMbps
          ? speedRows({ downKbps: p.fupDownloadMbps * 1000, upKbps: p.fupUploadMbps * 1000 })
          : throttle;
      groups.set(fupGroup(p.code), { check: [], reply: [...fup, interim] });
    }
  }
  groups.set(THROTTLE_GROUP, {
    check: [],
    reply: [
      ...throttle,
      { attribute: "Mikrotik-Address-List", op: ":=", value: settings.radiusRedirectList },
      interim,
    ],
  });
  groups.set(WALLED_GARDEN_GROUP, {
    check: [],
    reply: [
      ...throttle,
      { attribute: "Mikrotik-Address-List", op: ":=", value: settings.radiusWalledGardenList },
      interim,
    ],
  });
  groups.set(SUSPENDED_GROUP, {
    check: [{ attribute: "Auth-Type", op: ":=", value: "Reject" }],
    reply: [{ attribute: "Reply-Message", op: ":=", value: "Service suspended" }],
  });
  return groups;
}

const VENDOR_OF: Record<string, NasType> = {
  "Mikrotik-Rate-Limit": "MIKROTIK",
  "Mikrotik-Address-List": "MIKROTIK",
  "Cisco-AVPair": "CISCO",
  "WISPr-Bandwidth-Max-Down": "OTHER",
  "WISPr-Bandwidth-Max-Up": "OTHER",
};

/** The replies of a group a CoA-Request may carry to a NAS of this type. */
export function coaAttributesFor(group: GroupRows, nasType: NasType): RadiusRow[] {
  return group.reply.filter((r) => VENDOR_OF[r.attribute] === nasType);
}
