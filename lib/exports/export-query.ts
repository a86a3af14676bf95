// A list page's filter as the query of its CSV export (and the API): the cursor dropped, ticked
// boxes as "true", empty fields left out. Pure, so pages build the "Export CSV" link with it.
export function exportQuery(filter: Record<string, string | boolean | undefined>): string {
  return new URLSearchParams(
    Object.entries(filter).flatMap(([k, v]): [string, string][] =>
      k === "after" || v === undefined || v === "" || v === false
        ? []
        : [[k, v === true ? "true" : v]],
    ),
  ).toString();
}
