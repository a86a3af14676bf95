// A complete, valid checkout for the demo ISP, to vary per test.
import { randomUUID } from "node:crypto";
import { crc32, deflateSync } from "node:zlib";
import { previewContract } from "@/lib/orders/preview-contract";
import type { CheckoutInput, ContractDraft } from "@/lib/orders/checkout-schema";
import { LISTED_HOME } from "../storefront/fixtures";

function chunk(type: string, data: Buffer) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "latin1"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

/** A real (if tiny) PNG of a diagonal stroke, like a signature pad's output. */
export function signaturePng(width = 120, height = 40): string {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA
  const rows = Buffer.alloc((width * 4 + 1) * height);
  for (let y = 0; y < height; y++) {
    const x = Math.round((y / height) * width);
    for (let dx = 0; dx < 3 && x + dx < width; dx++)
      rows.set([15, 23, 42, 255], y * (width * 4 + 1) + 1 + (x + dx) * 4);
  }
  const png = Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", ihdr),
    chunk("IDAT", deflateSync(rows)),
    chunk("IEND", Buffer.alloc(0)),
  ]);
  return `data:image/png;base64,${png.toString("base64")}`;
}
export const SIGNATURE_PNG = signaturePng();

export function draft(
  over: {
    email?: string;
    planCode?: string;
    addonCodes?: string[];
    payment?: ContractDraft["payment"];
    key?: string;
    serviceAddress?: ContractDraft["details"]["serviceAddress"];
  } = {},
): ContractDraft {
  return {
    idempotencyKey: over.key ?? randomUUID(),
    basket: {
      planCode: over.planCode ?? "FIBRE-100",
      addonCodes: over.addonCodes ?? ["STATIC-IP", "ROUTER-BUY"],
    },
    details: {
      customerType: "RESIDENTIAL",
      firstName: "Naledi",
      lastName: "Mokoena",
      idNumber: "9001015800085",
      email: over.email ?? `naledi.${randomUUID().slice(0, 8)}@example.test`,
      phone: "+27 82 555 1234",
      password: "correct horse battery",
      serviceAddress: over.serviceAddress ?? LISTED_HOME,
      billingSameAsService: true,
      installSlot: "WEEKDAY_MORNING",
      acceptTerms: true,
      acceptPrivacy: true,
      marketingOptIn: false,
    },
    payment: over.payment ?? {
      kind: "DEBIT_ORDER",
      accountHolder: "N Mokoena",
      accountNumber: "6281 2345 678",
      branchCode: "250655",
      bankName: "FNB",
    },
  };
}

export async function signed(d: ContractDraft): Promise<CheckoutInput> {
  const { contentHash } = await previewContract({ draft: d });
  return {
    ...d,
    signature: {
      signerName: "Naledi Mokoena",
      method: "DRAWN",
      image: SIGNATURE_PNG,
      contentHash,
      acceptContract: true,
    },
  };
}
