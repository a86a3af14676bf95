// The walled-garden page's data: the ISP's name, what must be paid and why, and a pay link —
// by signed link or account number + PIN (rate-limited), never anyone else's account.
import { afterEach, beforeAll, expect, test } from "vitest";
import { db } from "@/lib/db";
import { accountPin } from "@/lib/dunning/account-pin";
import { getWalledGarden } from "@/lib/dunning/get-walled-garden";
import { runDunningSweep } from "@/lib/dunning/run-dunning-sweep";
import { payLinkToken } from "@/lib/payments/pay-link";
import { setClock } from "@/lib/time/clock";
import { addDays } from "@/lib/time/dates";
import { at, overdueCustomer, setupIsp } from "./fixtures";

beforeAll(async () => {
  process.env.AUTH_SECRET ??= "test-secret-for-pay-links-0123456789";
  await setupIsp();
});
afterEach(() => setClock(undefined));

test("a suspended customer sees the amount and why, by link or by account number and PIN", async () => {
  const { customer, invoiceId } = await overdueCustomer({ issued: "2026-11-02", amount: 30000 });
  for (let d = "2026-11-03"; d <= "2026-11-25"; d = addDays(d, 1)) {
    at(d, 9);
    await runDunningSweep({ customerIds: [customer.id] });
  }
  const byLink = await getWalledGarden({ token: payLinkToken({ invoiceId }) });
  expect(byLink).toMatchObject({
    ispName: "Valley Fibre",
    amount: 35000, // the invoice and the R50 late fee
    currency: "ZAR",
    suspended: true,
  });
  expect(byLink.reason).toMatch(/service suspended/);
  expect(Object.keys(byLink).sort()).toEqual(
    ["amount", "currency", "ispName", "payUrl", "reason", "suspended"].sort(),
  );
  const suspendMail = await db.notification.findFirstOrThrow({
    where: { customerId: customer.id, subject: { contains: "suspended" } },
  });
  expect(suspendMail.text).toContain(accountPin(customer.id));

  const byPin = await getWalledGarden({
    accountNumber: customer.accountNumber,
    pin: accountPin(customer.id),
    ip: "198.51.100.7",
  });
  expect(byPin.amount).toBe(35000);

  const other = await overdueCustomer({ issued: "2026-11-20" });
  await expect(
    getWalledGarden({
      accountNumber: other.customer.accountNumber,
      pin: accountPin(customer.id),
      ip: "198.51.100.8",
    }),
  ).rejects.toMatchObject({ code: "NOT_FOUND" });
  await expect(getWalledGarden({ token: "forged.token" })).rejects.toMatchObject({
    code: "NOT_FOUND",
  });
  // Guessing PINs: five tries per account in 15 minutes.
  for (let i = 0; i < 4; i++)
    await getWalledGarden({
      accountNumber: other.customer.accountNumber,
      pin: "000000",
      ip: `198.51.100.${20 + i}`,
    }).catch(() => null);
  await expect(
    getWalledGarden({
      accountNumber: other.customer.accountNumber,
      pin: accountPin(other.customer.id),
      ip: "198.51.100.99",
    }),
  ).rejects.toMatchObject({ code: "RATE_LIMITED" });
});
