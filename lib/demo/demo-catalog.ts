// Boland Fibre's catalogue. Prices are ZAR cents, VAT inclusive.
export const DEMO_PLANS = [
  { code: "FIBRE-25", name: "Fibre 25", kind: "PLAN", technology: "FIBRE", downloadMbps: 25, uploadMbps: 25, price: 49900, setupFee: 0, contractMonths: 12, earlyTerminationPercent: 50, description: "Everyday browsing, streaming and video calls for a small household." },
  { code: "FIBRE-100", name: "Fibre 100", kind: "PLAN", technology: "FIBRE", downloadMbps: 100, uploadMbps: 50, price: 79900, setupFee: 0, contractMonths: 12, earlyTerminationPercent: 50, description: "4K streaming and working from home for the whole family." },
  { code: "FIBRE-500", name: "Fibre 500", kind: "PLAN", technology: "FIBRE", downloadMbps: 500, uploadMbps: 250, price: 119900, setupFee: 0, contractMonths: 24, earlyTerminationPercent: 50, description: "Gamers, creators and busy homes with many devices." },
  { code: "FIBRE-1000", name: "Fibre 1 Gig", kind: "PLAN", technology: "FIBRE", downloadMbps: 1000, uploadMbps: 500, price: 149900, setupFee: 99900, contractMonths: 0, earlyTerminationPercent: 0, description: "Our fastest line, month to month." },
  { code: "AIR-10", name: "Air 10", kind: "PLAN", technology: "WIRELESS", downloadMbps: 10, uploadMbps: 5, price: 39900, setupFee: 75000, contractMonths: 0, earlyTerminationPercent: 0, dataCapGb: null, fairUseNote: "Fair use: speeds may be managed above 500 GB in a month.", description: "Fixed-wireless where fibre has not reached yet." },
  { code: "AIR-30", name: "Air 30", kind: "PLAN", technology: "WIRELESS", downloadMbps: 30, uploadMbps: 10, price: 59900, setupFee: 0, contractMonths: 12, earlyTerminationPercent: 50, fairUseNote: "Fair use: speeds may be managed above 1 TB in a month.", description: "Faster fixed-wireless for households that stream." },
] as const;

export const DEMO_ADDONS = [
  { code: "STATIC-IP", name: "Static IP address", kind: "ADDON", price: 9900, addonCharge: "RECURRING", description: "A fixed public IPv4 address." },
  { code: "ROUTER-RENT", name: "Wi-Fi 6 router rental", kind: "ADDON", price: 4900, addonCharge: "RECURRING", description: "Mesh-ready Wi-Fi 6 router, replaced free if it fails." },
  { code: "ROUTER-BUY", name: "Wi-Fi 6 router (buy)", kind: "ADDON", price: 129900, addonCharge: "ONCE_OFF", description: "Yours to keep, 2-year warranty." },
  { code: "PRO-INSTALL", name: "Professional installation", kind: "ADDON", price: 75000, addonCharge: "ONCE_OFF", description: "A technician sets up your router and Wi-Fi in every room." },
] as const;
