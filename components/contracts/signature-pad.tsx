"use client";

// Draw with a mouse, finger or pen (Pointer Events). The canvas is exported as a PNG data URL
// when the stroke ends; "Clear" starts again. Keyboard users type their signature instead.
import { useEffect, useRef } from "react";
import { Button } from "@/components/ui/button";

export function SignaturePad({
  onChange,
  invalid,
}: {
  onChange: (dataUrl: string | null) => void;
  invalid?: boolean;
}) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const drawing = useRef(false);
  const drawn = useRef(false);

  useEffect(() => {
    const c = canvas.current!;
    const ratio = window.devicePixelRatio || 1;
    c.width = c.clientWidth * ratio;
    c.height = c.clientHeight * ratio;
    const ctx = c.getContext("2d")!;
    ctx.scale(ratio, ratio);
    ctx.lineWidth = 2.2;
    ctx.lineCap = "round";
    ctx.lineJoin = "round";
    ctx.strokeStyle = "#0f172a";
  }, []);

  const point = (e: React.PointerEvent<HTMLCanvasElement>) => {
    const r = e.currentTarget.getBoundingClientRect();
    return [e.clientX - r.left, e.clientY - r.top] as const;
  };
  function down(e: React.PointerEvent<HTMLCanvasElement>) {
    e.currentTarget.setPointerCapture(e.pointerId);
    drawing.current = true;
    const ctx = e.currentTarget.getContext("2d")!;
    const [x, y] = point(e);
    ctx.beginPath();
    ctx.moveTo(x, y);
    ctx.lineTo(x + 0.1, y + 0.1);
    ctx.stroke();
  }
  function move(e: React.PointerEvent<HTMLCanvasElement>) {
    if (!drawing.current) return;
    const ctx = e.currentTarget.getContext("2d")!;
    const [x, y] = point(e);
    ctx.lineTo(x, y);
    ctx.stroke();
    drawn.current = true;
  }
  function up() {
    if (!drawing.current) return;
    drawing.current = false;
    if (drawn.current) onChange(canvas.current!.toDataURL("image/png"));
  }
  function clear() {
    const c = canvas.current!;
    c.getContext("2d")!.clearRect(0, 0, c.width, c.height);
    drawn.current = false;
    onChange(null);
  }

  return (
    <div>
      <div
        className={`relative rounded-lg bg-white ring-1 ${invalid ? "ring-red-500" : "ring-slate-300"}`}
      >
        <canvas
          ref={canvas}
          aria-label="Signature pad: draw your signature with a mouse, finger or pen"
          data-testid="signature-pad"
          className="h-40 w-full touch-none cursor-crosshair rounded-lg"
          onPointerDown={down}
          onPointerMove={move}
          onPointerUp={up}
          onPointerLeave={up}
        />
        <span
          aria-hidden
          className="pointer-events-none absolute bottom-8 left-6 right-6 border-b border-dashed border-slate-300"
        />
        <span
          aria-hidden
          className="pointer-events-none absolute bottom-3 left-6 text-xs text-slate-400"
        >
          Sign above the line
        </span>
      </div>
      <Button type="button" variant="ghost" size="sm" className="mt-1" onClick={clear}>
        Clear
      </Button>
    </div>
  );
}
