// The bodies Daraja posts to us (its published callback shapes). Parsed at the route; anything
// else is a 400 and is not stored.
import { z } from "zod";
import { text } from "@/lib/http/schemas";

const item = z.object({
  Name: text().max(100),
  Value: z.union([z.string().max(200), z.number()]).optional(),
});

export const stkCallbackSchema = z
  .object({
    Body: z.object({
      stkCallback: z.object({
        MerchantRequestID: text().max(100),
        CheckoutRequestID: text().min(1).max(100),
        ResultCode: z.coerce.number().int(),
        ResultDesc: text().max(500),
        CallbackMetadata: z.object({ Item: z.array(item).max(20) }).optional(),
      }),
    }),
  })
  .meta({ id: "DarajaStkCallback" });
export type StkCallback = z.infer<typeof stkCallbackSchema>["Body"]["stkCallback"];

export const c2bSchema = z
  .object({
    TransactionType: text().max(50).optional(),
    TransID: text().min(1).max(50),
    TransTime: text().max(20).optional(),
    TransAmount: z.union([text().max(20), z.number()]),
    BusinessShortCode: z.union([text().max(20), z.number()]).optional(),
    BillRefNumber: text().max(50).optional(),
    MSISDN: z.union([text().max(200), z.number()]).optional(),
    FirstName: text().max(100).optional(),
  })
  .passthrough()
  .meta({ id: "DarajaC2bRequest" });
export type C2bRequest = z.infer<typeof c2bSchema>;

/** What Daraja expects back from every callback. */
export const darajaAckSchema = z
  .object({ ResultCode: z.union([z.number(), z.string()]), ResultDesc: z.string() })
  .meta({ id: "DarajaAck" });

/** What Daraja posts to a reversal's ResultURL (and QueueTimeOutURL). */
export const reversalResultSchema = z
  .object({
    Result: z
      .object({
        ResultType: z.coerce.number().int().optional(),
        ResultCode: z.coerce.number().int(),
        ResultDesc: text().max(500),
        OriginatorConversationID: text().max(100).optional(),
        ConversationID: text().min(1).max(100),
        TransactionID: text().max(100).optional(),
      })
      .passthrough(),
  })
  .meta({ id: "DarajaReversalResult" });
export type ReversalResult = z.infer<typeof reversalResultSchema>;
