export const STAFF_ROLE_OPTIONS = [
  ["ADMIN", "Admin"],
  ["ACCOUNTS", "Accounts"],
  ["SALES", "Sales"],
  ["SUPPORT", "Support"],
  ["TECHNICIAN", "Technician"],
] as const;
