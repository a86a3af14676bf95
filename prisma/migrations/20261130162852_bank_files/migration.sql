-- AlterTable
ALTER TABLE "DebitMandate" ADD COLUMN     "accountType" TEXT,
ADD COLUMN     "firstCollectedOn" DATE,
ADD COLUMN     "lastCollectedOn" DATE,
ADD COLUMN     "statusChangedAt" TIMESTAMPTZ(3),
ADD COLUMN     "suspendedReason" TEXT;

-- AlterTable
ALTER TABLE "IspSettings" ADD COLUMN     "bankCollectAfterDays" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "bankCollectMode" TEXT NOT NULL DEFAULT 'DUE_DATE',
ADD COLUMN     "bankCollectionDays" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "bankCollectionFormat" TEXT NOT NULL DEFAULT 'pain.008.001.08',
ADD COLUMN     "bankPrenotifyDays" INTEGER NOT NULL DEFAULT 14,
ADD COLUMN     "bankRetryInsufficientFunds" BOOLEAN NOT NULL DEFAULT true,
ADD COLUMN     "bankReturnFee" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "bankUseFrst" BOOLEAN NOT NULL DEFAULT true;

-- CreateTable
CREATE TABLE "DebitMandateAmendment" (
    "id" TEXT NOT NULL,
    "mandateId" TEXT NOT NULL,
    "originalMandateReference" TEXT,
    "originalAccountEnc" TEXT,
    "originalBic" TEXT,
    "changedById" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "reportedInItemId" TEXT,

    CONSTRAINT "DebitMandateAmendment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CollectionBatch" (
    "id" TEXT NOT NULL,
    "messageId" TEXT NOT NULL,
    "collectionDate" DATE NOT NULL,
    "format" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'DRAFT',
    "currency" CHAR(3) NOT NULL,
    "itemCount" INTEGER NOT NULL DEFAULT 0,
    "totalAmount" INTEGER NOT NULL DEFAULT 0,
    "settledCount" INTEGER NOT NULL DEFAULT 0,
    "settledAmount" INTEGER NOT NULL DEFAULT 0,
    "returnedCount" INTEGER NOT NULL DEFAULT 0,
    "returnedAmount" INTEGER NOT NULL DEFAULT 0,
    "autoKey" TEXT,
    "createdById" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "exportedAt" TIMESTAMPTZ(3),
    "submittedAt" TIMESTAMPTZ(3),
    "settledAt" TIMESTAMPTZ(3),

    CONSTRAINT "CollectionBatch_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CollectionItem" (
    "id" TEXT NOT NULL,
    "batchId" TEXT NOT NULL,
    "mandateId" TEXT NOT NULL,
    "customerId" TEXT NOT NULL,
    "paymentId" TEXT NOT NULL,
    "endToEndId" TEXT NOT NULL,
    "amount" INTEGER NOT NULL,
    "sequenceType" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'PENDING',
    "reasonCode" TEXT,
    "reasonText" TEXT,
    "action" TEXT,
    "prenotifiedAt" TIMESTAMPTZ(3),

    CONSTRAINT "CollectionItem_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CollectionItemInvoice" (
    "id" TEXT NOT NULL,
    "itemId" TEXT NOT NULL,
    "invoiceId" TEXT NOT NULL,
    "amount" INTEGER NOT NULL,
    "activeInvoiceId" TEXT,

    CONSTRAINT "CollectionItemInvoice_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "IspBankAccount" (
    "id" TEXT NOT NULL,
    "identifier" TEXT NOT NULL,
    "label" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "IspBankAccount_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "BankFile" (
    "id" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "fileName" TEXT NOT NULL,
    "sha256" TEXT,
    "messageId" TEXT,
    "namespace" TEXT,
    "account" TEXT,
    "entryCount" INTEGER NOT NULL DEFAULT 0,
    "matchedCount" INTEGER NOT NULL DEFAULT 0,
    "reviewCount" INTEGER NOT NULL DEFAULT 0,
    "duplicateCount" INTEGER NOT NULL DEFAULT 0,
    "debitCount" INTEGER NOT NULL DEFAULT 0,
    "returnCount" INTEGER NOT NULL DEFAULT 0,
    "warnings" JSONB NOT NULL DEFAULT '[]',
    "error" TEXT,
    "content" TEXT,
    "createdById" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "BankFile_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "BankEntry" (
    "id" TEXT NOT NULL,
    "fileId" TEXT NOT NULL,
    "bankRef" TEXT NOT NULL,
    "direction" TEXT NOT NULL,
    "amount" INTEGER NOT NULL,
    "currency" CHAR(3) NOT NULL,
    "bookingDate" DATE,
    "endToEndId" TEXT,
    "reference" TEXT,
    "name" TEXT,
    "reasonCode" TEXT,
    "status" TEXT NOT NULL,
    "matchedBy" TEXT,
    "customerId" TEXT,
    "paymentId" TEXT,
    "suggestions" JSONB NOT NULL DEFAULT '[]',
    "resolvedById" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "BankEntry_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "BankCsvMapping" (
    "id" TEXT NOT NULL,
    "headerKey" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "columns" JSONB NOT NULL,
    "decimalComma" BOOLEAN NOT NULL DEFAULT false,
    "dateFormat" TEXT NOT NULL DEFAULT 'yyyy-MM-dd',
    "delimiter" TEXT NOT NULL DEFAULT ',',
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "BankCsvMapping_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "DebitMandateAmendment_mandateId_idx" ON "DebitMandateAmendment"("mandateId");

-- CreateIndex
CREATE UNIQUE INDEX "CollectionBatch_messageId_key" ON "CollectionBatch"("messageId");

-- CreateIndex
CREATE UNIQUE INDEX "CollectionBatch_autoKey_key" ON "CollectionBatch"("autoKey");

-- CreateIndex
CREATE INDEX "CollectionBatch_status_collectionDate_idx" ON "CollectionBatch"("status", "collectionDate");

-- CreateIndex
CREATE UNIQUE INDEX "CollectionItem_paymentId_key" ON "CollectionItem"("paymentId");

-- CreateIndex
CREATE UNIQUE INDEX "CollectionItem_endToEndId_key" ON "CollectionItem"("endToEndId");

-- CreateIndex
CREATE INDEX "CollectionItem_batchId_status_idx" ON "CollectionItem"("batchId", "status");

-- CreateIndex
CREATE INDEX "CollectionItem_customerId_idx" ON "CollectionItem"("customerId");

-- CreateIndex
CREATE UNIQUE INDEX "CollectionItemInvoice_activeInvoiceId_key" ON "CollectionItemInvoice"("activeInvoiceId");

-- CreateIndex
CREATE INDEX "CollectionItemInvoice_invoiceId_idx" ON "CollectionItemInvoice"("invoiceId");

-- CreateIndex
CREATE UNIQUE INDEX "CollectionItemInvoice_itemId_invoiceId_key" ON "CollectionItemInvoice"("itemId", "invoiceId");

-- CreateIndex
CREATE UNIQUE INDEX "IspBankAccount_identifier_key" ON "IspBankAccount"("identifier");

-- CreateIndex
CREATE UNIQUE INDEX "BankFile_sha256_key" ON "BankFile"("sha256");

-- CreateIndex
CREATE INDEX "BankFile_createdAt_idx" ON "BankFile"("createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "BankEntry_bankRef_key" ON "BankEntry"("bankRef");

-- CreateIndex
CREATE INDEX "BankEntry_status_createdAt_idx" ON "BankEntry"("status", "createdAt");

-- CreateIndex
CREATE INDEX "BankEntry_fileId_idx" ON "BankEntry"("fileId");

-- CreateIndex
CREATE UNIQUE INDEX "BankCsvMapping_headerKey_key" ON "BankCsvMapping"("headerKey");

-- AddForeignKey
ALTER TABLE "DebitMandateAmendment" ADD CONSTRAINT "DebitMandateAmendment_mandateId_fkey" FOREIGN KEY ("mandateId") REFERENCES "DebitMandate"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CollectionItem" ADD CONSTRAINT "CollectionItem_batchId_fkey" FOREIGN KEY ("batchId") REFERENCES "CollectionBatch"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CollectionItem" ADD CONSTRAINT "CollectionItem_mandateId_fkey" FOREIGN KEY ("mandateId") REFERENCES "DebitMandate"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CollectionItemInvoice" ADD CONSTRAINT "CollectionItemInvoice_itemId_fkey" FOREIGN KEY ("itemId") REFERENCES "CollectionItem"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CollectionItemInvoice" ADD CONSTRAINT "CollectionItemInvoice_invoiceId_fkey" FOREIGN KEY ("invoiceId") REFERENCES "Invoice"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BankEntry" ADD CONSTRAINT "BankEntry_fileId_fkey" FOREIGN KEY ("fileId") REFERENCES "BankFile"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Mandate and batch states are closed lists (lib/bank).
ALTER TABLE "DebitMandate" ADD CONSTRAINT "DebitMandate_status_check"
  CHECK (status IN ('ACTIVE', 'SUSPENDED', 'CANCELLED'));
ALTER TABLE "CollectionBatch" ADD CONSTRAINT "CollectionBatch_status_check"
  CHECK (status IN ('DRAFT', 'EXPORTED', 'SUBMITTED', 'SETTLED', 'PARTIALLY_RETURNED', 'CANCELLED'));
ALTER TABLE "CollectionItem" ADD CONSTRAINT "CollectionItem_status_check"
  CHECK (status IN ('PENDING', 'SETTLED', 'REJECTED', 'RETURNED', 'CANCELLED'));
ALTER TABLE "CollectionItemInvoice" ADD CONSTRAINT "CollectionItemInvoice_active_check"
  CHECK ("activeInvoiceId" IS NULL OR "activeInvoiceId" = "invoiceId");
