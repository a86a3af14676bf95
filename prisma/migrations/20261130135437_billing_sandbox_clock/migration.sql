-- CreateTable
CREATE TABLE "SandboxClock" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "offsetMs" BIGINT NOT NULL,
    "setTo" TIMESTAMPTZ(3) NOT NULL,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "SandboxClock_pkey" PRIMARY KEY ("id")
);

-- One row only: the clock is a single shared setting.
ALTER TABLE "SandboxClock" ADD CONSTRAINT "SandboxClock_one_row" CHECK (id = 1);
