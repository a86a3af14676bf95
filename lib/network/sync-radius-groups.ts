// Brings radgroupcheck/radgroupreply in line with the plans and the ISP's network settings and
// says what it changed. Cheap (a few rows per plan), so every sync starts with it: a plan's new
// speed reaches FreeRADIUS with the next sync, and every session that authenticates after it.
import type { Tx } from "@/lib/db";
import type { IspSettings } from "@/lib/generated/prisma/client";
import { buildGroups, type GroupRows } from "./radius-groups";
import { readGroups, sameRows, writeGroups } from "./radius-tables";

export type GroupDiff = { added: string[]; changed: string[]; removed: string[] };

export async function syncRadiusGroups(
  tx: Tx,
  settings: IspSettings,
): Promise<{ groups: Map<string, GroupRows>; diff: GroupDiff }> {
  const plans = await tx.product.findMany({
    where: { kind: "PLAN" },
    select: {
      code: true,
      downloadMbps: true,
      uploadMbps: true,
      burstDownloadMbps: true,
      burstUploadMbps: true,
      burstSeconds: true,
      dataCapGb: true,
      capAction: true,
      fupDownloadMbps: true,
      fupUploadMbps: true,
    },
    orderBy: { code: "asc" },
  });
  const desired = buildGroups(plans, settings);
  const current = await readGroups(tx);
  const diff: GroupDiff = { added: [], changed: [], removed: [] };
  for (const [name, rows] of desired) {
    const now = current.get(name);
    if (!now) diff.added.push(name);
    else if (!sameRows(now.check, rows.check) || !sameRows(now.reply, rows.reply))
      diff.changed.push(name);
  }
  for (const name of current.keys()) if (!desired.has(name)) diff.removed.push(name);
  await writeGroups(tx, [...diff.added, ...diff.changed, ...diff.removed], desired);
  return { groups: desired, diff };
}
