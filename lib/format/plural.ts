// "1 customer", "2 customers", "12,500 customers": a count with its noun, the number in the
// ISP's locale. English plurals; irregular ones pass their own plural form.
export function plural(
  count: number,
  singular: string,
  pluralForm = `${singular}s`,
  locale?: string,
) {
  return `${count.toLocaleString(locale)} ${count === 1 ? singular : pluralForm}`;
}
