import "server-only";
import { db, type Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { getSettings } from "@/lib/settings/get-settings";
import { basketSchema, type Basket } from "./checkout-schema";
import { buildQuote, type Quote } from "./build-quote";

/** Prices a basket from the live catalogue (active products only). Public: it is a price list. */
export async function quoteBasket(opts: { basket: Basket }, tx: Tx = db): Promise<Quote> {
  const basket = basketSchema.parse(opts.basket);
  const codes = [basket.planCode, ...basket.addonCodes];
  const [settings, products] = await Promise.all([
    getSettings(tx),
    tx.product.findMany({
      where: { code: { in: codes }, status: "ACTIVE" },
      select: {
        id: true,
        code: true,
        name: true,
        kind: true,
        technology: true,
        price: true,
        interval: true,
        setupFee: true,
        addonCharge: true,
        contractMonths: true,
        earlyTerminationPercent: true,
        downloadMbps: true,
        uploadMbps: true,
        dataCapGb: true,
        fairUseNote: true,
        taxClass: { select: { rate: true } },
      },
    }),
  ]);
  const byCode = new Map(
    products.map(({ taxClass, ...p }) => [p.code, { ...p, taxRate: taxClass.rate.toString() }]),
  );
  const plan = byCode.get(basket.planCode);
  if (!plan)
    throw new AppError("VALIDATION", "That plan is not on sale.", { planCode: "Not on sale" });
  const missing = basket.addonCodes.filter((c) => !byCode.has(c));
  if (missing.length)
    throw new AppError("VALIDATION", `Not on sale: ${missing.join(", ")}.`, {
      addonCodes: "Not on sale",
    });
  return buildQuote({
    plan,
    addons: basket.addonCodes.map((c) => byCode.get(c)!),
    currency: settings.currency,
    pricesIncludeTax: settings.pricesIncludeTax,
  });
}
