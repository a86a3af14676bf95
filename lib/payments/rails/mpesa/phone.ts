// Kenyan mobile numbers as Daraja wants them: 2547XXXXXXXX or 2541XXXXXXXX (12 digits).
export function darajaPhone(input: string): string | null {
  const digits = input.replace(/[\s\-()]/g, "").replace(/^\+/, "");
  const m = /^(?:254|0)?([17]\d{8})$/.exec(digits);
  return m ? `254${m[1]}` : null;
}
