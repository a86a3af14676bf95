import fc from "fast-check";
import { createStaticPix, hasError, parsePix } from "pix-utils";
import { describe, expect, it } from "vitest";
import { buildStaticBrCode, crc16, parseBrCode, staticTxid } from "./br-code";

// Known-good payloads: the static example of the Banco Central's "Manual de Padrões para
// Iniciação do Pix" (random key, no amount) and the three `pixCopiaECola` examples of the
// Banco Central's Pix API document (github:bacen/pix-api openapi.yaml, Pix Automático codes).
const MANUAL_STATIC =
  "00020126580014br.gov.bcb.pix0136123e4567-e12b-12d1-a456-4266554400005204000053039865802BR5913Fulano de Tal6008BRASILIA62070503***63041D3D";
const API_EXAMPLES = [
  "00020126180014br.gov.bcb.pix5204000053039865802BR5913Fulano de Tal6008BRASILIA62070503***80800014br.gov.bcb.pix2558pix.example.com/qr/v2/rec/2353c790eefb11eaadc10242ac120002630462C9",
  "00020101021226760014br.gov.bcb.pix2554pix.example.com/qr/v2/8b3da2f39a4140d1a91abd93113bd4415204000053039865802BR5913Fulano de Tal6008BRASILIA62070503***80800014br.gov.bcb.pix2558pix.example.com/qr/v2/rec/94ed2badcbc04c15b0bb7fa35319489063047741",
  "00020101021226810014br.gov.bcb.pix2559pix.example.com/qr/v2/cobv/1e6c54d3ec9449b7a7fc53b6b0f998e75204000053039865802BR5913Fulano de Tal6008BRASILIA62070503***80800014br.gov.bcb.pix2558pix.example.com/qr/v2/rec/3ffa640fa4f14080adccb949fa2dc0d06304A441",
];

describe("Pix BR Code", () => {
  it("decodes the manual's static example and checks its CRC", () => {
    expect(crc16(MANUAL_STATIC.slice(0, -4))).toBe("1D3D");
    expect(parseBrCode(MANUAL_STATIC)).toMatchObject({
      key: "123e4567-e12b-12d1-a456-426655440000",
      amount: null,
      merchantName: "Fulano de Tal",
      merchantCity: "BRASILIA",
      txid: "***",
    });
  });

  it("decodes the Pix API document's dynamic examples (URL in 26-25, recurrence in 80)", () => {
    const [, withUrl] = API_EXAMPLES.map(parseBrCode);
    expect(withUrl.url).toBe("pix.example.com/qr/v2/8b3da2f39a4140d1a91abd93113bd441");
    expect(withUrl.fields["80"]).toEqual({
      "00": "br.gov.bcb.pix",
      "25": "pix.example.com/qr/v2/rec/94ed2badcbc04c15b0bb7fa353194890",
    });
  });

  it("refuses a payload whose CRC or structure is wrong", () => {
    const tampered = MANUAL_STATIC.replace("Fulano", "Fulana");
    expect(() => parseBrCode(tampered)).toThrow(/CRC is wrong/);
    expect(() => parseBrCode("hello")).toThrow(/Not a BR Code/);
  });

  it("builds what pix-utils builds, and reads back what it built", () => {
    fc.assert(
      fc.property(
        fc.record({
          key: fc.constantFrom("fulano@example.com", "+5561999998888", "12345678000195"),
          merchantName: fc.stringMatching(/^[A-Z][A-Z ]{0,24}$/),
          merchantCity: fc.stringMatching(/^[A-Z][A-Z ]{0,14}$/),
          amount: fc.integer({ min: 1, max: 99_999_999 }),
          txid: fc.stringMatching(/^[A-Za-z0-9]{1,25}$/),
        }),
        (c) => {
          const ours = buildStaticBrCode(c);
          const theirs = createStaticPix({
            merchantName: c.merchantName.trim(),
            merchantCity: c.merchantCity.trim(),
            pixKey: c.key,
            infoAdicional: "",
            transactionAmount: c.amount / 100,
            txid: c.txid,
          });
          if (hasError(theirs)) throw new Error("pix-utils refused the input");
          expect(ours).toBe(theirs.toBRCode());
          const parsed = parsePix(ours);
          expect(hasError(parsed)).toBe(false);
          expect(parseBrCode(ours)).toMatchObject({ key: c.key, amount: c.amount, txid: c.txid });
        },
      ),
      { numRuns: 200 },
    );
  });

  it("accents and long names are folded the way apps display them; txid is alphanumeric", () => {
    const code = buildStaticBrCode({
      key: "fulano@example.com",
      merchantName: "Provedor São João Fibra Óptica Ltda",
      merchantCity: "São José dos Campos",
      amount: 9990,
      txid: staticTxid("INV-000123"),
    });
    expect(parseBrCode(code)).toMatchObject({
      merchantName: "PROVEDOR SAO JOAO FIBRA O",
      merchantCity: "SAO JOSE DOS CA",
      amount: 9990,
      txid: "INV000123",
    });
  });
});
