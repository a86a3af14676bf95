import { beforeAll, describe, expect, test } from "vitest";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/roles";
import { createIsp } from "@/lib/setup/create-isp";
import { searchCustomers } from "@/lib/customers/search-customers";
import { getCustomerDetails } from "@/lib/customers/get-customer-details";
import {
  updateCustomerContact,
  type CustomerContactInput,
} from "@/lib/customers/update-customer-contact";

const admin: Actor = { kind: "user", id: "u-admin", role: "ADMIN", name: "Ada" };
const tech: Actor = { kind: "user", id: "u-tech", role: "TECHNICIAN", name: "Theo" };
const ids: Record<string, string> = {};

const PEOPLE = [
  ["C000001", "Johan", "van der Merwe", null, "johan@vdm.test", "+27 82 111 2222"],
  ["C000002", "Anele", "Botha", null, "anele.botha@example.test", "+27 83 555 0101"],
  ["C000003", "Pieter", "Bothma", "Bothma Wines", "info@bothmawines.test", "+27 21 887 0000"],
  ["C000004", "Lerato", "Mokoena", null, "lerato@example.test", null],
  ["C000010", "Sipho", "Nkosi", null, "sipho@nkosi.test", "+27 82 999 1234"],
] as const;

beforeAll(async () => {
  await createIsp({
    name: "Search ISP",
    country: "ZA",
    currency: "ZAR",
    timeZone: "UTC",
    taxRate: 15,
    adminName: "Ada",
    adminEmail: "ada@example.test",
    adminPassword: "long-password-1",
  });
  for (const [acc, first, last, company, email, phone] of PEOPLE) {
    const address = await db.address.create({
      data: { line1: "1 Main Road", suburb: "Die Boord", city: "Stellenbosch", country: "ZA" },
    });
    const c = await db.customer.create({
      data: {
        accountNumber: acc,
        paymentReference: acc,
        firstName: first,
        lastName: last,
        companyName: company,
        type: company ? "BUSINESS" : "RESIDENTIAL",
        email,
        phone,
        currency: "ZAR",
        idNumber: "8001015009087",
        billingAddressId: address.id,
        user: { create: { email, name: `${first} ${last}`, role: "CUSTOMER" } },
      },
    });
    ids[acc] = c.id;
  }
});

const accounts = async (q: string) =>
  (await searchCustomers({ actor: admin, q })).customers.map((c) => c.accountNumber);

describe("search", () => {
  test("newest account first; each word matches a word start in a name or company, an email start, or the account/phone anywhere", async () => {
    expect(await accounts("")).toEqual(["C000010", "C000004", "C000003", "C000002", "C000001"]);
    expect(await accounts("both")).toEqual(["C000003", "C000002"]);
    expect(await accounts("BOTHMA")).toEqual(["C000003"]);
    expect(await accounts("wines")).toEqual(["C000003"]); // a word inside the company name
    expect(await accounts("ines")).toEqual([]); // but not the middle of a word
    expect(await accounts("bothma anele")).toEqual([]); // every word must match
    expect(await accounts("van der")).toEqual(["C000001"]);
    expect(await accounts("merwe, johan")).toEqual(["C000001"]);
    expect(await accounts("lerato@")).toEqual(["C000004"]);
    expect(await accounts("000010")).toEqual(["C000010"]);
    expect(await accounts("999 1234")).toEqual(["C000010"]);
    expect(await accounts("100%_")).toEqual([]); // LIKE wildcards are literal
  });

  test("pages with a keyset cursor", async () => {
    const first = await searchCustomers({ actor: admin, limit: 2 });
    expect(first.customers.map((c) => c.accountNumber)).toEqual(["C000010", "C000004"]);
    const second = await searchCustomers({ actor: admin, limit: 2, after: first.nextCursor! });
    expect(second.customers.map((c) => c.accountNumber)).toEqual(["C000003", "C000002"]);
    const last = await searchCustomers({ actor: admin, limit: 2, after: second.nextCursor! });
    expect(last).toMatchObject({ customers: [{ accountNumber: "C000001" }], nextCursor: null });
  });

  test("the query can use the trigram index", async () => {
    await db.$executeRawUnsafe(`SET enable_seqscan = off`);
    const plan = await db.$queryRawUnsafe<{ "QUERY PLAN": string }[]>(
      `EXPLAIN SELECT id FROM "Customer" WHERE "lastName" ILIKE 'both%' OR "email" ILIKE 'both%'`,
    );
    expect(plan.map((p) => p["QUERY PLAN"]).join("\n")).toMatch(
      /Customer_(lastName|email)_trgm_idx/,
    );
  });
  test("each customer's live services: active or suspended plans, not add-ons or cancelled ones", async () => {
    const product = await db.product.create({
      data: {
        code: "PCOUNT",
        name: "Fibre 50",
        kind: "PLAN",
        price: 100,
        taxClassId: (await db.taxClass.findFirstOrThrow()).id,
      },
    });
    const sub = (
      customerId: string,
      status: "ACTIVE" | "SUSPENDED" | "CANCELLED",
      parentId?: string,
    ) =>
      db.subscription.create({
        data: {
          customerId,
          productId: product.id,
          price: 100,
          interval: "MONTH",
          cycleMode: "ANNIVERSARY",
          status,
          parentId,
        },
      });
    const plan = await sub(ids.C000002, "ACTIVE");
    await sub(ids.C000002, "ACTIVE");
    await sub(ids.C000002, "SUSPENDED");
    await sub(ids.C000002, "CANCELLED");
    await sub(ids.C000002, "ACTIVE", plan.id); // an add-on
    await sub(ids.C000003, "CANCELLED");
    const found = (await searchCustomers({ actor: admin, q: "both" })).customers;
    expect(found.map((c) => [c.accountNumber, c.activeServices])).toEqual([
      ["C000003", 0],
      ["C000002", 3],
    ]);
    await db.subscription.deleteMany({ where: { productId: product.id, parentId: { not: null } } });
    await db.subscription.deleteMany({ where: { productId: product.id } });
    await db.product.delete({ where: { id: product.id } });
  });
});

describe("details", () => {
  test("technicians see that an ID number exists, not the number", async () => {
    expect((await getCustomerDetails({ actor: admin, customerId: ids.C000004 })).idNumber).toBe(
      "8001015009087",
    );
    expect((await getCustomerDetails({ actor: tech, customerId: ids.C000004 })).idNumber).toBe(
      "••••••",
    );
  });
});

describe("editing contact details", () => {
  const base = async (id: string): Promise<CustomerContactInput> => {
    const c = await getCustomerDetails({ actor: admin, customerId: id });
    const a = c.billingAddress!;
    return {
      type: c.type,
      firstName: c.firstName,
      lastName: c.lastName,
      companyName: c.companyName ?? "",
      email: c.email,
      phone: c.phone ?? "",
      idNumber: c.idNumber ?? "",
      taxNumber: c.taxNumber ?? "",
      marketingOptIn: c.marketingOptIn,
      address: {
        line1: a.line1,
        line2: a.line2 ?? "",
        suburb: a.suburb ?? "",
        city: a.city,
        postalCode: a.postalCode ?? "",
        region: a.region ?? "",
        country: a.country,
      },
    };
  };

  test("audits a before/after of only the changed fields, and moves the sign-in email along", async () => {
    const id = ids.C000002;
    expect(
      await updateCustomerContact({ actor: admin, customerId: id, ...(await base(id)) }),
    ).toEqual({ changed: [] });
    const { changed } = await updateCustomerContact({
      actor: admin,
      customerId: id,
      ...(await base(id)),
      email: "Anele@New.test",
      phone: "",
      address: { ...(await base(id)).address, line1: "2 Side Street" },
    });
    expect(changed.sort()).toEqual(["address.line1", "email", "phone"]);
    const audit = await db.auditLog.findFirstOrThrow({
      where: { action: "customer.update", customerId: id },
    });
    expect(audit.data).toEqual({
      email: { from: "anele.botha@example.test", to: "anele@new.test" },
      phone: { from: "+27 83 555 0101", to: null },
      "address.line1": { from: "1 Main Road", to: "2 Side Street" },
    });
    expect(audit.actorId).toBe("u-admin");
    expect((await db.user.findUniqueOrThrow({ where: { customerId: id } })).email).toBe(
      "anele@new.test",
    );
  });

  test("an email another login uses is refused on the field; a business needs a company name", async () => {
    const id = ids.C000004;
    const e = await updateCustomerContact({
      actor: admin,
      customerId: id,
      ...(await base(id)),
      email: "sipho@nkosi.test",
    }).catch((x) => x);
    expect(e.fields).toEqual({ email: expect.any(String) });
    expect((await db.customer.findUniqueOrThrow({ where: { id } })).email).toBe(
      "lerato@example.test",
    );
    await expect(
      updateCustomerContact({
        actor: admin,
        customerId: id,
        ...(await base(id)),
        type: "BUSINESS",
        companyName: "",
      }),
    ).rejects.toThrow(/company name/);
  });

  test("a billing address shared with a service gets a new row instead of moving the service", async () => {
    const id = ids.C000010;
    const before = await db.customer.findUniqueOrThrow({
      where: { id },
      select: { billingAddressId: true },
    });
    const product = await db.product.create({
      data: {
        code: "P1",
        name: "Fibre",
        kind: "PLAN",
        price: 100,
        taxClassId: (await db.taxClass.findFirstOrThrow()).id,
      },
    });
    await db.subscription.create({
      data: {
        customerId: id,
        productId: product.id,
        price: 100,
        interval: "MONTH",
        cycleMode: "ANNIVERSARY",
        serviceAddressId: before.billingAddressId,
      },
    });
    await updateCustomerContact({
      actor: admin,
      customerId: id,
      ...(await base(id)),
      address: { ...(await base(id)).address, line1: "PO Box 12" },
    });
    const after = await db.customer.findUniqueOrThrow({
      where: { id },
      select: { billingAddressId: true, billingAddress: { select: { line1: true } } },
    });
    expect(after.billingAddressId).not.toBe(before.billingAddressId);
    expect(after.billingAddress?.line1).toBe("PO Box 12");
    expect(
      (await db.address.findUniqueOrThrow({ where: { id: before.billingAddressId! } })).line1,
    ).toBe("1 Main Road");
  });
});
