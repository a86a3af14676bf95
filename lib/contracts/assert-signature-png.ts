// A drawn signature arrives as a PNG data URL from the browser, i.e. untrusted bytes that the
// PDF renderer will decode. A malformed PNG can stall that renderer, so we check the structure
// first: signature, chunk CRCs, sane dimensions and IDAT data that actually inflates.
import { inflateSync, crc32 } from "node:zlib";
import { AppError } from "@/lib/errors";

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const bad = () =>
  new AppError("VALIDATION", "The signature image could not be read. Please sign again.", {
    "signature.image": "Please sign again",
  });

export function assertSignaturePng(dataUrl: string): void {
  const png = Buffer.from(dataUrl.replace(/^data:image\/png;base64,/, ""), "base64");
  if (png.length < 57 || !png.subarray(0, 8).equals(SIGNATURE)) throw bad();
  const idat: Buffer[] = [];
  let offset = 8;
  let sawEnd = false;
  while (offset + 12 <= png.length) {
    const length = png.readUInt32BE(offset);
    const type = png.subarray(offset + 4, offset + 8).toString("latin1");
    const end = offset + 12 + length;
    if (end > png.length) throw bad();
    if (
      crc32(png.subarray(offset + 4, offset + 8 + length)) !== png.readUInt32BE(offset + 8 + length)
    )
      throw bad();
    const data = png.subarray(offset + 8, offset + 8 + length);
    if (type === "IHDR") {
      const width = data.readUInt32BE(0);
      const height = data.readUInt32BE(4);
      if (!width || !height || width > 4000 || height > 2000) throw bad();
    }
    if (type === "IDAT") idat.push(data);
    if (type === "IEND") {
      sawEnd = true;
      break;
    }
    offset = end;
  }
  if (!sawEnd || !idat.length) throw bad();
  try {
    inflateSync(Buffer.concat(idat), { maxOutputLength: 64 * 1024 * 1024 });
  } catch {
    throw bad();
  }
}
