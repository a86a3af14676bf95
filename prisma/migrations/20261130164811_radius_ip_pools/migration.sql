-- CreateTable
CREATE TABLE "IpPool" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "cidr" TEXT NOT NULL,
    "gateway" TEXT,
    "description" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "IpPool_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "StaticIp" (
    "id" TEXT NOT NULL,
    "poolId" TEXT NOT NULL,
    "address" TEXT NOT NULL,
    "subscriptionId" TEXT NOT NULL,
    "assignedById" TEXT,
    "assignedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "StaticIp_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "IpPool_name_key" ON "IpPool"("name");

-- CreateIndex
CREATE UNIQUE INDEX "IpPool_cidr_key" ON "IpPool"("cidr");

-- CreateIndex
CREATE UNIQUE INDEX "StaticIp_address_key" ON "StaticIp"("address");

-- CreateIndex
CREATE UNIQUE INDEX "StaticIp_subscriptionId_key" ON "StaticIp"("subscriptionId");

-- CreateIndex
CREATE INDEX "StaticIp_poolId_idx" ON "StaticIp"("poolId");

-- AddForeignKey
ALTER TABLE "StaticIp" ADD CONSTRAINT "StaticIp_poolId_fkey" FOREIGN KEY ("poolId") REFERENCES "IpPool"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StaticIp" ADD CONSTRAINT "StaticIp_subscriptionId_fkey" FOREIGN KEY ("subscriptionId") REFERENCES "Subscription"("id") ON DELETE CASCADE ON UPDATE CASCADE;
