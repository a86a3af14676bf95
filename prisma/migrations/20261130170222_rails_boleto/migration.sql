-- AlterEnum
ALTER TYPE "PaymentMethodKind" ADD VALUE 'BOLETO';
