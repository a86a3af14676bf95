// The outbox sweep as an Inngest function (run in-process by @inngest/test on the real database),
// started by an event as well as by its cron.
import { readdir } from "node:fs/promises";
import { InngestTestEngine } from "@inngest/test";
import { expect, test } from "vitest";
import { db } from "@/lib/db";
import { functionFor } from "@/inngest/functions";
import { enqueueEmail } from "@/lib/notifications/enqueue-email";
import { mailDir } from "@/lib/notifications/mailer";

const deliver = functionFor("notifications.deliver");

test("notifications/notification.queued sends the queued email once, however often it runs", async () => {
  const n = await enqueueEmail({
    to: "someone@example.test",
    subject: "Welcome",
    text: "Hello",
    dedupeKey: "welcome:1",
  });
  // Queuing the same message again is a no-op thanks to its dedupe key.
  expect(
    (
      await enqueueEmail({
        to: "someone@example.test",
        subject: "Welcome",
        text: "Hello",
        dedupeKey: "welcome:1",
      })
    ).id,
  ).toBe(n.id);
  const engine = new InngestTestEngine({
    function: deliver,
    events: [{ name: "notifications/notification.queued", data: { notificationId: n.id } }],
  });
  const first = await engine.execute();
  expect(first.result).toEqual({ sent: 1, failed: 0 });
  const again = await new InngestTestEngine({
    function: deliver,
    events: [{ name: "notifications/notification.queued", data: { notificationId: n.id } }],
  }).execute();
  expect(again.result).toEqual({ sent: 0, failed: 0 });
  expect(await db.notification.findUniqueOrThrow({ where: { id: n.id } })).toMatchObject({
    status: "SENT",
    attempts: 1,
  });
  const files = (await readdir(mailDir())).filter((f) => f.includes("someone@example.test"));
  expect(files).toHaveLength(1);
});
