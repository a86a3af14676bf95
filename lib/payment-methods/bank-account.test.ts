import { describe, expect, test } from "vitest";
import { normalizeBankAccount } from "./bank-account";

describe("normalizeBankAccount", () => {
  test("IBANs are checked (format and mod-97) and stored in electronic form", () => {
    expect(normalizeBankAccount({ accountNumber: "de89 3704 0044 0532 0130 00" })).toEqual({
      accountNumber: "DE89370400440532013000",
      branchCode: null,
      isIban: true,
      last4: "3000",
    });
    expect(() => normalizeBankAccount({ accountNumber: "DE89370400440532013001" })).toThrow();
    expect(() => normalizeBankAccount({ accountNumber: "GB00WEST12345698765432" })).toThrow();
  });

  test("local accounts need 6–17 digits and a branch code", () => {
    expect(
      normalizeBankAccount({ accountNumber: "6281 2345-678", branchCode: "250 655" }),
    ).toMatchObject({ accountNumber: "62812345678", branchCode: "250655", last4: "5678" });
    expect(() => normalizeBankAccount({ accountNumber: "12345", branchCode: "250655" })).toThrow();
    expect(() => normalizeBankAccount({ accountNumber: "62812345678" })).toThrow(/./);
  });
});
