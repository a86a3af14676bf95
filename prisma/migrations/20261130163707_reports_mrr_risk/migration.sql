-- CreateTable
CREATE TABLE "MrrSnapshot" (
    "day" DATE NOT NULL,
    "subscriptionId" TEXT NOT NULL,
    "customerId" TEXT NOT NULL,
    "productId" TEXT NOT NULL,
    "technology" "Technology",
    "coverageAreaId" TEXT,
    "mrr" INTEGER NOT NULL,
    "currency" CHAR(3) NOT NULL,

    CONSTRAINT "MrrSnapshot_pkey" PRIMARY KEY ("day","subscriptionId")
);

-- CreateTable
CREATE TABLE "RiskScore" (
    "customerId" TEXT NOT NULL,
    "probability" DECIMAL(7,6) NOT NULL,
    "reasons" JSONB NOT NULL,
    "modelId" TEXT NOT NULL,
    "scoredAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "RiskScore_pkey" PRIMARY KEY ("customerId")
);

-- CreateTable
CREATE TABLE "RiskModel" (
    "id" TEXT NOT NULL,
    "trainedAt" TIMESTAMPTZ(3) NOT NULL,
    "samples" INTEGER NOT NULL,
    "weights" JSONB NOT NULL,
    "auc" DECIMAL(6,4),
    "calibration" JSONB NOT NULL,

    CONSTRAINT "RiskModel_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "MrrSnapshot_customerId_day_idx" ON "MrrSnapshot"("customerId", "day");

-- CreateIndex
CREATE INDEX "RiskScore_probability_idx" ON "RiskScore"("probability");

-- AddForeignKey
ALTER TABLE "MrrSnapshot" ADD CONSTRAINT "MrrSnapshot_customerId_fkey" FOREIGN KEY ("customerId") REFERENCES "Customer"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RiskScore" ADD CONSTRAINT "RiskScore_customerId_fkey" FOREIGN KEY ("customerId") REFERENCES "Customer"("id") ON DELETE CASCADE ON UPDATE CASCADE;
