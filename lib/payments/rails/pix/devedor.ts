// The payer named on a Pix charge (`devedor` of cobv, `rec`): a CPF (11 digits) or CNPJ (14
// letters and digits) from the customer's tax number, else their ID number, and their name.
export function devedorOf(c: { taxNumber: string | null; idNumber: string | null; name: string }) {
  const digits = (c.taxNumber ?? c.idNumber ?? "").replace(/[.\-/\s]/g, "").toUpperCase();
  const nome = c.name.slice(0, 140);
  if (/^\d{11}$/.test(digits)) return { cpf: digits, nome };
  if (/^[0-9A-Z]{14}$/.test(digits)) return { cnpj: digits, nome };
  return null;
}
