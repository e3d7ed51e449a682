/** A labelled number input that reports only values inside its bounds (the model never sees an invalid one). */
export function NumberField({ label, value, min, max, onChange }: { label: string; value: number; min: number; max: number; onChange(n: number): void }) {
  return (
    <label class="kit-field">
      <span>{label}</span>
      <input
        type="number"
        inputMode="decimal"
        value={value}
        min={min}
        max={max}
        onChange={(e) => {
          const n = Number((e.target as HTMLInputElement).value);
          if ((e.target as HTMLInputElement).value !== '' && Number.isFinite(n) && n >= min && n <= max) onChange(n);
        }}
      />
    </label>
  );
}
