// /api/v1/bank-files and /api/v1/collection-batches with API keys: multipart upload answers the
// import result (refused and duplicate files too), a batch is built, listed and its file
// downloaded (validated pain.008); roles without banking:write are refused before any input.
import { readFileSync } from "node:fs";
import { NextRequest } from "next/server";
import { beforeAll, expect, test } from "vitest";
import { createApiKey } from "@/lib/api-keys/create-api-key";
import { db } from "@/lib/db";
import { POST as upload } from "@/app/api/v1/bank-files/route";
import { GET as getFile } from "@/app/api/v1/bank-files/[id]/route";
import { GET as listBatches, POST as createBatch } from "@/app/api/v1/collection-batches/route";
import { GET as batchFile } from "@/app/api/v1/collection-batches/[id]/file/route";
import { callApi } from "../support/call-api";
import { expectDocumented } from "../support/expect-documented";
import type { OperationSpec } from "@/lib/http/define-operation";
import { camt, customerWithMandate, setupBankIsp } from "./fixtures";

const keys = { accounts: "", support: "" };
beforeAll(async () => {
  await setupBankIsp();
  const user = await db.user.create({
    data: { email: "ada@bank.test", name: "Ada", role: "ADMIN", passwordHash: "x" },
  });
  const actor = { kind: "user" as const, id: user.id, role: "ADMIN" as const, name: "Ada" };
  keys.accounts = (await createApiKey({ actor, name: "bank", role: "ACCOUNTS" })).key;
  keys.support = (await createApiKey({ actor, name: "help", role: "SUPPORT" })).key;
});

async function multipart(
  content: string | Buffer,
  key: string,
  query = "",
  fields: Record<string, string> = {},
) {
  const form = new FormData();
  form.set(
    "file",
    new Blob([typeof content === "string" ? content : new Uint8Array(content)]),
    "statement.xml",
  );
  for (const [k, v] of Object.entries(fields)) form.set(k, v);
  const req = new NextRequest(`http://localhost/api/v1/bank-files${query}`, {
    method: "POST",
    headers: { authorization: `Bearer ${key}` },
    body: form,
  });
  const res = await upload(req, { params: Promise.resolve({}) });
  const body = await res.json();
  expectDocumented((upload as unknown as { operation: OperationSpec }).operation, res.status, body);
  return { status: res.status, body };
}

test("upload: imported, duplicate, held then accepted, refused; read back", async () => {
  const xml = camt("053", [{ ref: "API-1", amount: 1234, ustrd: "nobody" }]);
  const first = await multipart(xml, keys.accounts);
  expect(first).toMatchObject({
    status: 201,
    body: { kind: "CAMT053", status: "IMPORTED", reviewCount: 1 },
  });
  const again = await multipart(xml, keys.accounts);
  expect(again.body).toMatchObject({ alreadyImported: true, duplicateCount: 1 });
  const other = camt("053", [{ ref: "API-2", amount: 1 }], "CH9300762011623852957", "OTHER");
  expect((await multipart(other, keys.accounts)).body.status).toBe("HELD");
  expect((await multipart(other, keys.accounts, "?acceptUnknownAccount=true")).body.status).toBe(
    "IMPORTED",
  );
  const refused = await multipart("just one line of text", keys.accounts);
  expect(refused.body).toMatchObject({ status: "REFUSED" });
  const csv = "Date;Amount;Description\n01.12.2026;12,50;nobody\n";
  const first2 = await multipart(csv, keys.accounts);
  expect(first2.body).toMatchObject({
    status: "NEEDS_MAPPING",
    preview: { guess: { date: "Date" } },
  });
  const mapping = {
    name: "Bank X",
    date: "Date",
    amount: "Amount",
    reference: "Description",
    decimalComma: true,
    dateFormat: "dd.MM.yyyy",
  };
  const mapped = await multipart(csv, keys.accounts, "", { csvMapping: JSON.stringify(mapping) });
  expect(mapped.body).toMatchObject({ status: "IMPORTED", kind: "CSV", reviewCount: 1 });
  const read = await callApi(getFile, "GET", `/bank-files/${first.body.id}`, {
    key: keys.accounts,
    params: { id: first.body.id },
  });
  expect(read.body.entries).toHaveLength(1);
  expect((await multipart(xml, keys.support)).status).toBe(403);
  const noFile = new NextRequest("http://localhost/api/v1/bank-files", {
    method: "POST",
    headers: { authorization: `Bearer ${keys.accounts}` },
    body: new FormData(),
  });
  expect((await upload(noFile, { params: Promise.resolve({}) })).status).toBe(400);
  const sample = "/work/shared/iso20022/samples/genkgo-camt/camt053.v8.xml";
  if (readFileSync(sample))
    expect(
      (await multipart(readFileSync(sample), keys.accounts, "", { acceptUnknownAccount: "true" }))
        .body.status,
    ).toBe("IMPORTED");
});

test("collection batches: create, list, download the validated file", async () => {
  await customerWithMandate();
  const made = await callApi(createBatch, "POST", "/collection-batches", {
    key: keys.accounts,
    body: { collectionDate: "2026-03-25", format: "pain.008.001.02" },
  });
  expect(made).toMatchObject({ status: 201, body: { status: "DRAFT", itemCount: 1 } });
  const bad = await callApi(createBatch, "POST", "/collection-batches", {
    key: keys.accounts,
    body: { collectionDate: "25/03/2026" },
  });
  expect(bad.status).toBe(400);
  const none = await callApi(createBatch, "POST", "/collection-batches", {
    key: keys.accounts,
    body: { collectionDate: "2026-03-25" },
  });
  expect(none.status).toBe(422);
  const list = await callApi(listBatches, "GET", "/collection-batches", { key: keys.support });
  expect(list.body.batches[0].id).toBe(made.body.id);
  const file = await callApi(batchFile, "GET", `/collection-batches/${made.body.id}/file`, {
    key: keys.accounts,
    params: { id: made.body.id },
  });
  expect(file.status).toBe(200);
  expect(file.body.toString()).toContain("urn:iso:std:iso:20022:tech:xsd:pain.008.001.02");
  const denied = await callApi(batchFile, "GET", `/collection-batches/${made.body.id}/file`, {
    key: keys.support,
    params: { id: made.body.id },
  });
  expect(denied.status).toBe(403);
});
