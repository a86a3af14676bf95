// CSV cells as spreadsheets read them: quoted when needed, and text that a spreadsheet would run
// as a formula (=, +, -, @, tab, CR at the start) prefixed with an apostrophe (OWASP CSV
// injection). Numbers are written as they are. Pure.
export type Cell = string | number | null | undefined;

function cell(v: Cell): string {
  if (v === null || v === undefined) return "";
  if (typeof v === "number") return String(v);
  const safe = /^[=+\-@\t\r]/.test(v) ? `'${v}` : v;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export const csvRow = (cells: Cell[]) => `${cells.map(cell).join(",")}\r\n`;
