import "server-only";
import { renderToBuffer } from "@react-pdf/renderer";
import { createElement } from "react";
import { getBranding } from "@/lib/settings/get-branding";
import type { Actor } from "@/lib/auth/roles";
import { exportMyData } from "./export-my-data";
import { MyDataDocument } from "./my-data-document";

export type RenderMyDataPdfOptions = { actor: Actor; customerId: string };

/** The data export as a PDF (authorization and the audit row come from exportMyData). */
export async function renderMyDataPdf(opts: RenderMyDataPdfOptions): Promise<Buffer> {
  const [data, brand] = await Promise.all([exportMyData(opts), getBranding()]);
  return renderToBuffer(
    createElement(MyDataDocument, { data, ispName: brand.name }) as Parameters<
      typeof renderToBuffer
    >[0],
  );
}
