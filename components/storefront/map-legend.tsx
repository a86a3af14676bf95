import { technologyLabel } from "@/lib/format/labels";
import { PLANNED_COLOR, TECH_COLOR } from "./map-style";

export function MapLegend({ technologies }: { technologies: string[] }) {
  return (
    <ul className="flex flex-wrap gap-x-4 gap-y-1 text-xs text-slate-600" aria-label="Map legend">
      {technologies.map((t) => (
        <li key={t} className="flex items-center gap-1.5">
          <span
            className="h-3 w-3 rounded-sm"
            style={{ background: `${TECH_COLOR[t]}55`, border: `1.5px solid ${TECH_COLOR[t]}` }}
            aria-hidden
          />
          {technologyLabel(t)} available
        </li>
      ))}
      <li className="flex items-center gap-1.5">
        <span
          className="h-3 w-3 rounded-sm border-[1.5px] border-dashed"
          style={{ borderColor: PLANNED_COLOR, background: `${PLANNED_COLOR}22` }}
          aria-hidden
        />
        Coming soon
      </li>
    </ul>
  );
}
