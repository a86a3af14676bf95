-- AlterTable
ALTER TABLE "RateLimitBucket" ADD COLUMN     "lastAt" TIMESTAMPTZ(3);

-- CreateIndex
CREATE INDEX "RateLimitBucket_resetAt_idx" ON "RateLimitBucket"("resetAt");
