// Pix Automático needs the dynamic-charge PSP set-up plus the ISP's receiving account (the
// `cobr.recebedor` every recurring charge names).
import type { LoadedPix } from "../../load-rail";
import { pixIsDynamic } from "../../load-rail";

export const pixAutomaticoOffered = (p: LoadedPix) =>
  p.enabled && pixIsDynamic(p) && Boolean(p.config.receiverAccount && p.config.receiverAccountType);
