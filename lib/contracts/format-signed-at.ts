/** The signing time as printed on the agreement, in the ISP's locale and time zone. */
export const formatSignedAt = (at: Date, isp: { locale: string; timeZone: string }) =>
  new Intl.DateTimeFormat(isp.locale, {
    dateStyle: "long",
    timeStyle: "long",
    timeZone: isp.timeZone,
  }).format(at);
