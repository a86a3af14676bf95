// Bank files over the REST API: upload any supported bank file (camt.052/053/054, pain.002,
// pain.008 copies) and read the result; list, create and download debit-order collection batches.
import { z } from "zod";
import { rolesWith } from "@/lib/auth/roles";
import { defineOperation } from "@/lib/http/define-operation";
import { createBatchSchema } from "@/lib/bank/collection-schema";

const idParams = z.object({ id: z.string().max(64) });
const Oddity = z.object({ where: z.string(), what: z.string() });

const BankFile = z
  .object({
    id: z.string(),
    kind: z
      .string()
      .meta({ description: "CAMT053, CAMT052, CAMT054, PAIN002, PAIN008 or UNKNOWN (refused)" }),
    status: z.string().meta({
      description:
        "IMPORTED, HELD (unknown account: confirm with acceptUnknownAccount=true) or REFUSED",
    }),
    fileName: z.string(),
    messageId: z.string().nullable(),
    account: z.string().nullable(),
    entryCount: z.number().int(),
    matchedCount: z.number().int(),
    reviewCount: z.number().int(),
    duplicateCount: z
      .number()
      .int()
      .meta({ description: "Entries imported before (by bank reference)" }),
    debitCount: z.number().int(),
    returnCount: z
      .number()
      .int()
      .meta({ description: "Debits rejected (pain.002) or returned (camt)" }),
    warnings: z.array(Oddity).meta({ description: "What was odd about the file but read anyway" }),
    error: z
      .string()
      .nullable()
      .meta({ description: "Why a file was refused or held, with the line or element" }),
    createdAt: z.string(),
  })
  .meta({ id: "BankFile" });

const CsvPreview = z
  .object({
    header: z.array(z.string()),
    rows: z.array(z.array(z.string())),
    guess: z.record(z.string(), z.string().optional()),
  })
  .optional()
  .meta({
    description:
      "A CSV statement from a bank not seen before (status NEEDS_MAPPING): its first rows and a guessed column mapping. Send the file again with `csvMapping` (JSON) to import it; the mapping is saved for that bank's header.",
  });

const BankImport = BankFile.extend({ alreadyImported: z.boolean(), preview: CsvPreview }).meta({
  id: "BankImport",
});

const BankEntry = z.object({
  id: z.string(),
  bankRef: z.string(),
  direction: z.string(),
  amount: z.number().int().meta({ description: "Minor units" }),
  currency: z.string(),
  bookingDate: z.string().nullable(),
  endToEndId: z.string().nullable(),
  reference: z.string().nullable(),
  name: z.string().nullable(),
  reasonCode: z.string().nullable(),
  status: z.string().meta({ description: "MATCHED, REVIEW, NOT_OURS, DEBIT, RETURN or INFO" }),
  matchedBy: z.string().nullable(),
  customerId: z.string().nullable(),
  paymentId: z.string().nullable(),
});

const CollectionBatch = z
  .object({
    id: z.string(),
    messageId: z.string(),
    collectionDate: z.string(),
    format: z.string(),
    status: z.string().meta({
      description: "DRAFT, EXPORTED, SUBMITTED, SETTLED, PARTIALLY_RETURNED or CANCELLED",
    }),
    currency: z.string(),
    itemCount: z.number().int(),
    totalAmount: z.number().int(),
    settledCount: z.number().int(),
    settledAmount: z.number().int(),
    returnedCount: z.number().int(),
    returnedAmount: z.number().int(),
    createdAt: z.string(),
    exportedAt: z.string().nullable(),
    submittedAt: z.string().nullable(),
    settledAt: z.string().nullable(),
  })
  .meta({ id: "CollectionBatch" });

export const uploadBankFileOp = defineOperation({
  method: "POST",
  path: "/bank-files",
  tag: "Bank",
  summary: "Import a bank file (banking:write)",
  description:
    "multipart/form-data with the file in `file`. Any supported type is recognised by its content. Answers the import result: entries matched, to review, duplicates (a file or entry imported before is not booked again), debits, returns; a file that cannot be read is answered with status REFUSED and where/why in `error`. A statement for an account that is not one of the ISP's is HELD until sent again with `acceptUnknownAccount=true` (form field or query).",
  roles: rolesWith("banking:write"),
  consumes: "multipart/form-data",
  files: ["file"],
  body: z.object({
    acceptUnknownAccount: z.enum(["true", "false"]).optional(),
    csvMapping: z.string().max(4000).optional().meta({
      description:
        "JSON: { name, date, amount | credit+debit, reference, payer?, balance?, decimalComma, dateFormat }",
    }),
  }),
  query: z.object({ acceptUnknownAccount: z.enum(["true", "false"]).optional() }),
  maxBodyBytes: 50 * 1024 * 1024,
  responses: { 201: BankImport },
});

export const getBankFileOp = defineOperation({
  method: "GET",
  path: "/bank-files/{id}",
  tag: "Bank",
  summary: "An imported bank file and its entries (payments:read)",
  roles: rolesWith("payments:read"),
  params: idParams,
  responses: {
    200: BankFile.extend({ preview: CsvPreview, entries: z.array(BankEntry) }).meta({
      id: "BankFileDetail",
    }),
  },
});

export const listCollectionBatchesOp = defineOperation({
  method: "GET",
  path: "/collection-batches",
  tag: "Bank",
  summary: "Debit-order collection batches, newest first (payments:read)",
  roles: rolesWith("payments:read"),
  responses: {
    200: z.object({ batches: z.array(CollectionBatch) }).meta({ id: "CollectionBatchList" }),
  },
});

export const createCollectionBatchOp = defineOperation({
  method: "POST",
  path: "/collection-batches",
  tag: "Bank",
  summary: "Build a collection batch (banking:write)",
  description:
    "Every open invoice of a customer with an active mandate due on or before `collectionDate` (or issued N days before, per settings), less the customer's credit, one debit per customer. Invoices already in an unsettled batch are left out. 422 when nothing is due or the creditor id/bank account is not set.",
  roles: rolesWith("banking:write"),
  idempotent: true,
  body: createBatchSchema,
  responses: { 201: CollectionBatch },
});

export const getCollectionBatchFileOp = defineOperation({
  method: "GET",
  path: "/collection-batches/{id}/file",
  tag: "Bank",
  summary: "Download the batch's pain.008 or CSV file (banking:write)",
  description:
    "Validated against the ISO 20022 XSD before it is sent (422 if it does not validate). The first download moves a DRAFT batch to EXPORTED.",
  roles: rolesWith("banking:write"),
  params: idParams,
  produces: "application/xml",
  responses: { 200: z.string() },
});

export const bankOperations = [
  uploadBankFileOp,
  getBankFileOp,
  listCollectionBatchesOp,
  createCollectionBatchOp,
  getCollectionBatchFileOp,
];
