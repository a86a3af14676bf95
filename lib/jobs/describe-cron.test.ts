import { expect, test } from "vitest";
import { describeCron } from "./describe-cron";

test.each([
  ["* * * * *", "every minute"],
  ["*/1 * * * *", "every minute"],
  ["*/5 * * * *", "every 5 minutes"],
  ["0 * * * *", "every hour at :00"],
  ["30 2 * * *", "daily at 02:30 UTC"],
  ["0 2 * * 1", null],
  ["0 2 1 * *", null],
  ["not a cron", null],
])("%s → %s", (cron, words) => {
  expect(describeCron(cron)).toBe(words);
});
