import { Segmented } from 'antd';

export interface ToolMode<M extends string> {
  value: M;
  label: string;
  disabled?: boolean;
}

/** The row of mode buttons of a map tool panel (测量, 选址分析); each button has `<testId>-<value>`. */
export function ToolModeBar<M extends string>({ value, modes, onChange, testId }: { value: M; modes: ToolMode<M>[]; onChange(mode: M): void; testId: string }) {
  return (
    <Segmented
      block
      size="small"
      value={value}
      onChange={(v) => onChange(v as M)}
      options={modes.map((m) => ({ value: m.value, disabled: m.disabled, label: <span data-testid={`${testId}-${m.value}`}>{m.label}</span> }))}
    />
  );
}
