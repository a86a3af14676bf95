"use client";

// An accessible combobox (WAI-ARIA 1.2 pattern): type, pick with arrows + Enter or a click.
import { useId, useState } from "react";
import type { AddressMatch } from "@/lib/coverage/search-addresses";
import { cn } from "@/components/ui/cn";
import { useAddressSearch } from "./use-address-search";

export function AddressSearch({
  onSelect,
  defaultValue = "",
  label = "Your street address",
}: {
  onSelect: (m: AddressMatch) => void;
  defaultValue?: string;
  label?: string;
}) {
  const [text, setText] = useState(defaultValue);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const { data: matches = [], isFetching, isError } = useAddressSearch(text);
  const id = useId();
  const show = open && text.trim().length >= 3;

  function choose(m: AddressMatch) {
    setText(m.label);
    setOpen(false);
    onSelect(m);
  }

  function onKeyDown(e: React.KeyboardEvent<HTMLInputElement>) {
    if (!show || !matches.length) return;
    if (e.key === "ArrowDown") {
      e.preventDefault();
      setActive((a) => (a + 1) % matches.length);
    } else if (e.key === "ArrowUp") {
      e.preventDefault();
      setActive((a) => (a - 1 + matches.length) % matches.length);
    } else if (e.key === "Enter") {
      e.preventDefault();
      choose(matches[active] ?? matches[0]);
    } else if (e.key === "Escape") setOpen(false);
  }

  return (
    <div className="relative">
      <label htmlFor={`${id}-input`} className="block text-sm font-medium text-slate-700">
        {label}
      </label>
      <input
        id={`${id}-input`}
        role="combobox"
        aria-expanded={show}
        aria-controls={`${id}-list`}
        aria-autocomplete="list"
        aria-activedescendant={show && matches[active] ? `${id}-opt-${active}` : undefined}
        autoComplete="off"
        placeholder="e.g. 12 Dorp Street"
        value={text}
        onChange={(e) => {
          setText(e.target.value);
          setOpen(true);
          setActive(0);
        }}
        onFocus={() => setOpen(true)}
        onBlur={() => setTimeout(() => setOpen(false), 150)}
        onKeyDown={onKeyDown}
        className="mt-1 block w-full rounded-lg border-0 bg-white px-4 py-3 text-base text-slate-900 shadow-sm ring-1 ring-inset ring-slate-300 placeholder:text-slate-400 focus:ring-2 focus:ring-brand-600"
      />
      {show && (
        <ul
          id={`${id}-list`}
          role="listbox"
          aria-label="Matching addresses"
          className="absolute z-[1000] mt-1 max-h-72 w-full overflow-auto rounded-lg bg-white py-1 text-sm shadow-lg ring-1 ring-slate-200"
        >
          {matches.map((m, i) => (
            <li
              key={`${m.id ?? m.label}-${i}`}
              id={`${id}-opt-${i}`}
              role="option"
              aria-selected={i === active}
              onMouseDown={(e) => {
                e.preventDefault();
                choose(m);
              }}
              onMouseEnter={() => setActive(i)}
              className={cn(
                "cursor-pointer px-4 py-2",
                i === active ? "bg-brand-50 text-brand-900" : "text-slate-700",
              )}
            >
              {m.label}
            </li>
          ))}
          {!matches.length && (
            <li className="px-4 py-2 text-slate-500" role="presentation">
              {isFetching
                ? "Searching…"
                : isError
                  ? "Search is unavailable right now."
                  : "No listed address matches. Drop a pin on the map instead."}
            </li>
          )}
        </ul>
      )}
    </div>
  );
}
