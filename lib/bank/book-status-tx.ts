// A pain.002 status: a rejected transaction, payment-information block or whole file fails the
// debits it names (before settlement); accepted statuses are recorded and change nothing.
import "server-only";
import type { Tx } from "@/lib/db";
import type { BookContext, Booked } from "./book-entry-tx";
import { failItemTx } from "./fail-item-tx";
import type { StatusItem } from "./parse/types";

export async function bookStatusTx(
  tx: Tx,
  s: StatusItem,
  ctx: BookContext & { byBatchRef: Map<string, { id: string; batchId: string }[]> },
): Promise<Booked> {
  if (s.status !== "RJCT") return { status: "INFO" };
  const targets =
    s.level === "TX"
      ? [s.endToEndId ? ctx.items.get(s.endToEndId) : undefined].filter((i) => !!i)
      : (ctx.byBatchRef.get(
          (s.level === "PMTINF" ? s.originalPmtInfId : s.originalMessageId) ?? "",
        ) ?? []);
  if (!targets.length) return { status: "INFO" };
  for (const item of targets) {
    const event = await failItemTx(tx, {
      itemId: item.id,
      kind: "REJECTED",
      reasonCode: s.reasonCode,
      reasonText: s.reasonText,
      settings: ctx.settings,
      today: ctx.today,
    });
    if (event) ctx.events.push(event);
    ctx.touchedBatches.add(item.batchId);
  }
  return { status: "RETURN", matchedBy: s.level === "TX" ? "END_TO_END" : "BATCH" };
}
