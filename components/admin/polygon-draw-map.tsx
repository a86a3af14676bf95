"use client";

// Draw a coverage polygon by clicking its corners on the map, or paste/edit GeoJSON beside it.
// The GeoJSON text is the one source of truth and is what the form submits.
import "leaflet/dist/leaflet.css";
import { useMemo, useState } from "react";
import L from "leaflet";
import { useEffect } from "react";
import {
  CircleMarker,
  GeoJSON,
  MapContainer,
  Polygon,
  Polyline,
  TileLayer,
  useMap,
  useMapEvents,
} from "react-leaflet";
import type { GeoJsonObject } from "geojson";
import { Button } from "@/components/ui/button";
import { Textarea } from "@/components/ui/field";
import { areaStyle } from "@/components/storefront/map-style";

type Props = {
  center: [number, number];
  initial?: string;
  error?: string;
  others: { id: string; name: string; technology: string; status: string; geometry: unknown }[];
};

function Clicks({ onClick }: { onClick: (lat: number, lng: number) => void }) {
  useMapEvents({ click: (e) => onClick(e.latlng.lat, e.latlng.lng) });
  return null;
}

/** Opens an existing area's form zoomed to that area. */
function FitInitial({ initial }: { initial?: string }) {
  const map = useMap();
  useEffect(() => {
    try {
      const bounds = L.geoJSON(JSON.parse(initial ?? "")).getBounds();
      if (bounds.isValid()) map.fitBounds(bounds, { padding: [40, 40] });
    } catch {
      // no or unreadable initial geometry: stay on the ISP's map centre
    }
  }, [map, initial]);
  return null;
}

const round = (n: number) => Math.round(n * 1e6) / 1e6;

export default function PolygonDrawMap({ center, initial, error, others }: Props) {
  const [text, setText] = useState(initial ?? "");
  const [points, setPoints] = useState<[number, number][]>([]);
  const parsed = useMemo(() => {
    try {
      const g = JSON.parse(text);
      return g?.type === "Polygon" || g?.type === "MultiPolygon" ? (g as GeoJsonObject) : null;
    } catch {
      return null;
    }
  }, [text]);

  function sync(next: [number, number][]) {
    setPoints(next);
    if (next.length >= 3) {
      const ring = [...next, next[0]].map(([lat, lng]) => [round(lng), round(lat)]);
      setText(JSON.stringify({ type: "Polygon", coordinates: [ring] }));
    }
  }

  return (
    <div className="space-y-3">
      <div className="h-96 overflow-hidden rounded-lg ring-1 ring-slate-200">
        <MapContainer
          center={center}
          zoom={13}
          className="h-full w-full"
          style={{ background: "#e8eef3" }}
        >
          <TileLayer
            url="https://tile.openstreetmap.org/{z}/{x}/{y}.png"
            attribution="&copy; OpenStreetMap"
          />
          {others.map((a) => (
            <GeoJSON
              key={a.id}
              data={a.geometry as GeoJsonObject}
              style={() => ({ ...areaStyle(a), fillOpacity: 0.08, weight: 1 })}
            />
          ))}
          {parsed && points.length < 3 && (
            <GeoJSON
              key={text}
              data={parsed}
              style={() => ({ color: "#0f172a", weight: 2, fillOpacity: 0.2 })}
            />
          )}
          {points.length >= 3 && (
            <Polygon
              positions={points}
              pathOptions={{ color: "#0f172a", weight: 2, fillOpacity: 0.2 }}
            />
          )}
          {points.length > 0 && points.length < 3 && (
            <Polyline positions={points} pathOptions={{ color: "#0f172a", dashArray: "4 4" }} />
          )}
          {points.map((p, i) => (
            <CircleMarker
              key={i}
              center={p}
              radius={4}
              pathOptions={{ color: "#0f172a", fillOpacity: 1 }}
            />
          ))}
          <FitInitial initial={initial} />
          <Clicks onClick={(lat, lng) => sync([...points, [lat, lng]])} />
        </MapContainer>
      </div>
      <div className="flex flex-wrap items-center gap-2 text-sm">
        <span className="text-slate-600">
          Click the map to place corners ({points.length} placed
          {points.length > 0 && points.length < 3 ? ", at least 3 needed" : ""}).
        </span>
        <Button
          type="button"
          size="sm"
          variant="secondary"
          onClick={() => sync(points.slice(0, -1))}
          disabled={!points.length}
        >
          Undo corner
        </Button>
        <Button
          type="button"
          size="sm"
          variant="ghost"
          onClick={() => {
            setPoints([]);
            setText("");
          }}
        >
          Start again
        </Button>
      </div>
      <div>
        <label htmlFor="geometry" className="block text-sm font-medium text-slate-700">
          GeoJSON (Polygon or MultiPolygon, [lng, lat])
        </label>
        <Textarea
          id="geometry"
          name="geometry"
          rows={4}
          value={text}
          onChange={(e) => {
            setPoints([]);
            setText(e.target.value);
          }}
          className="mt-1 font-mono text-xs"
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? "geometry-error" : undefined}
        />
        {error && (
          <p id="geometry-error" className="mt-1 text-sm text-red-600">
            {error}
          </p>
        )}
      </div>
    </div>
  );
}
