/** Plain text as the admin wrote it: a blank line starts a paragraph, "# " starts a heading. */
export function LegalText({ body }: { body: string }) {
  return (
    <div className="space-y-4 text-slate-700">
      {body
        .split(/\n\s*\n/)
        .map((block) => block.trim())
        .filter(Boolean)
        .flatMap((block, i) => {
          const lines = block.split("\n");
          const heading = lines[0].startsWith("# ") ? lines[0].slice(2) : null;
          const rest = (heading ? lines.slice(1) : lines).join("\n").trim();
          return [
            heading && (
              <h2 key={`h${i}`} className="pt-2 text-lg font-semibold text-slate-900">
                {heading}
              </h2>
            ),
            rest && (
              <p key={`p${i}`} className="whitespace-pre-line">
                {rest}
              </p>
            ),
          ].filter(Boolean);
        })}
    </div>
  );
}
