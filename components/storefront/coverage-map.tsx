"use client";

// The Leaflet map, loaded in the browser only (Leaflet touches `window`). Coverage outlines,
// the pin and click/drag all work without the tile server: offline, the map is a plain
// background with the polygons on it, and a note says the street map could not load.
import "leaflet/dist/leaflet.css";
import L from "leaflet";
import { useEffect, useMemo, useState } from "react";
import {
  GeoJSON,
  MapContainer,
  Marker,
  TileLayer,
  Tooltip,
  useMap,
  useMapEvents,
} from "react-leaflet";
import type { GeoJsonObject } from "geojson";
import { areaStyle } from "./map-style";
import { technologyLabel } from "@/lib/format/labels";

export type MapArea = {
  id: string;
  name: string;
  technology: string;
  status: string;
  geometry: unknown;
};
type Props = {
  center: [number, number];
  areas: MapArea[];
  pin: { lat: number; lng: number } | null;
  onPick?: (lat: number, lng: number) => void;
  highlightIds?: string[];
  /** Changes when the visitor picks an address: the map zooms in on the pin. */
  focus?: number;
  className?: string;
  children?: React.ReactNode;
};

const PIN = L.divIcon({
  className: "",
  html: `<svg width="32" height="42" viewBox="0 0 32 42" aria-hidden="true"><path d="M16 41s13-14.2 13-24A13 13 0 0 0 3 17c0 9.8 13 24 13 24z" fill="#0f172a" stroke="#fff" stroke-width="2"/><circle cx="16" cy="17" r="5" fill="#fff"/></svg>`,
  iconSize: [32, 42],
  iconAnchor: [16, 41],
});

function ClickToPick({ onPick }: { onPick?: (lat: number, lng: number) => void }) {
  useMapEvents({ click: (e) => onPick?.(e.latlng.lat, e.latlng.lng) });
  return null;
}

function FitAreas({ areas }: { areas: MapArea[] }) {
  const map = useMap();
  useEffect(() => {
    if (!areas.length) return;
    const bounds = L.geoJSON({
      type: "FeatureCollection",
      features: areas.map((a) => ({ type: "Feature", properties: {}, geometry: a.geometry })),
    } as GeoJsonObject).getBounds();
    if (bounds.isValid()) map.fitBounds(bounds, { padding: [16, 16] });
    // Fit once on load; later the visitor's own panning wins.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [map]);
  return null;
}

function FollowPin({ pin, focus }: { pin: Props["pin"]; focus?: number }) {
  const map = useMap();
  useEffect(() => {
    if (pin && !map.getBounds().pad(-0.2).contains([pin.lat, pin.lng]))
      map.setView([pin.lat, pin.lng], Math.max(map.getZoom(), 15));
  }, [map, pin]);
  useEffect(() => {
    if (focus && pin) map.setView([pin.lat, pin.lng], Math.max(map.getZoom(), 15));
    // Only a new address choice zooms; dragging the pin keeps the visitor's view.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [map, focus]);
  return null;
}

export default function CoverageMap({
  center,
  areas,
  pin,
  onPick,
  highlightIds = [],
  focus,
  className,
  children,
}: Props) {
  const [tilesFailed, setTilesFailed] = useState(false);
  const highlighted = useMemo(() => new Set(highlightIds), [highlightIds]);
  return (
    <div
      className={`relative overflow-hidden rounded-xl ring-1 ring-slate-200 ${className ?? "h-96"}`}
    >
      <MapContainer
        center={center}
        zoom={13}
        className="h-full w-full"
        style={{ background: "#e8eef3" }}
        attributionControl={!tilesFailed}
      >
        <TileLayer
          url="https://tile.openstreetmap.org/{z}/{x}/{y}.png"
          attribution='&copy; <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a>'
          eventHandlers={{ tileerror: () => setTilesFailed(true) }}
        />
        {areas.map((a) => (
          <GeoJSON
            key={`${a.id}:${highlighted.has(a.id)}`}
            data={a.geometry as GeoJsonObject}
            style={() => areaStyle(a, highlighted.has(a.id))}
            eventHandlers={{ click: (e) => onPick?.(e.latlng.lat, e.latlng.lng) }}
          >
            <Tooltip sticky>
              {a.name} · {technologyLabel(a.technology)}
              {a.status === "PLANNED" ? " (planned)" : ""}
            </Tooltip>
          </GeoJSON>
        ))}
        {pin && (
          <Marker
            position={[pin.lat, pin.lng]}
            icon={PIN}
            draggable={Boolean(onPick)}
            keyboard={false}
            eventHandlers={{
              dragend: (e) => {
                const p = (e.target as L.Marker).getLatLng();
                onPick?.(p.lat, p.lng);
              },
            }}
          />
        )}
        <ClickToPick onPick={onPick} />
        <FitAreas areas={areas} />
        <FollowPin pin={pin} focus={focus} />
        {children}
      </MapContainer>
      {tilesFailed && (
        <p className="pointer-events-none absolute bottom-2 left-2 z-[400] rounded bg-white/90 px-2 py-1 text-xs text-slate-600 shadow">
          Street map unavailable. Coverage outlines and the pin still work.
        </p>
      )}
    </div>
  );
}
