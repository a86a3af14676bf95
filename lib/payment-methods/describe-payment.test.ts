import { describe, expect, test } from "vitest";
import { describePayment, type PaymentInstructions } from "./describe-payment";

describe("every customer-facing document says how this customer pays", () => {
  const debit: PaymentInstructions = { kind: "DEBIT_ORDER", accountLast4: "5678", reference: "C1" };
  const card: PaymentInstructions = { kind: "CARD", brand: "visa", last4: "4242", reference: "C1" };
  const eft: PaymentInstructions = { kind: "EFT", reference: "C000123" };
  test.each([
    [
      debit,
      "3 Dec",
      "The amount due will be collected by debit order on 3 Dec from account ••5678.",
    ],
    [debit, undefined, "Your invoices are collected by debit order from account ••5678."],
    [card, "3 Dec", "The amount due will be charged to your Visa card ••4242 on 3 Dec."],
    [{ ...card, brand: null }, undefined, "Your invoices are charged to your card ••4242."],
    [eft, "3 Dec", "Please pay by EFT by 3 Dec with reference C000123."],
    [eft, undefined, "Please pay by EFT with reference C000123."],
  ] as const)("%o on %s", (p, on, sentence) => {
    expect(describePayment(p, on)).toBe(sentence);
  });
});
