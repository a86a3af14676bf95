// One labelled radio button of the add-service form.
export const Radio = (p: {
  name: string;
  value: string;
  checked: boolean;
  onChange: () => void;
  children: React.ReactNode;
}) => (
  <label className="flex items-start gap-2 text-sm text-slate-700">
    <input
      type="radio"
      name={p.name}
      value={p.value}
      checked={p.checked}
      onChange={p.onChange}
      className="mt-0.5 h-4 w-4 text-brand-700"
    />
    <span>{p.children}</span>
  </label>
);
