-- CreateTable
CREATE TABLE "MandateSignature" (
    "id" TEXT NOT NULL,
    "mandateId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "mandateText" TEXT NOT NULL,
    "signerName" TEXT NOT NULL,
    "signatureImage" TEXT,
    "typedSignature" TEXT,
    "signedAt" TIMESTAMPTZ(3) NOT NULL,
    "signerIp" TEXT,
    "documentHash" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "MandateSignature_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "MandateSignature_mandateId_signedAt_idx" ON "MandateSignature"("mandateId", "signedAt");

-- AddForeignKey
ALTER TABLE "MandateSignature" ADD CONSTRAINT "MandateSignature_mandateId_fkey" FOREIGN KEY ("mandateId") REFERENCES "DebitMandate"("id") ON DELETE CASCADE ON UPDATE CASCADE;
