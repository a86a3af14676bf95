// The body a PSP posts to `{webhookUrl}/pix` (Pix API, WebhookPixBody).
import { z } from "zod";
import { text } from "@/lib/http/schemas";

export const pixWebhookSchema = z
  .object({
    pix: z
      .array(
        z
          .object({
            endToEndId: text().regex(/^[A-Za-z0-9]{32}$/, "a 32-character endToEndId"),
            txid: text().max(35).optional(),
            valor: text().regex(/^\d{1,10}\.\d{2}$/, "amount like 10.00"),
            horario: text().max(40),
            infoPagador: text().max(140).optional(),
          })
          .passthrough(),
      )
      .min(1)
      .max(1000),
  })
  .meta({ id: "PixWebhook" });
export type PixWebhook = z.infer<typeof pixWebhookSchema>;
