import { useState } from 'preact/hooks';

export type CsvFieldChoice = { field: string; label: string; required?: boolean };

/**
 * Which column of a spreadsheet holds what, chosen by the user (a guess to start from), with the first lines
 * as they will be read.
 */
export function CsvMapper({
  name,
  table,
  fields,
  initial,
  preview,
  onImport,
  onCancel,
}: {
  name: string;
  table: string[][];
  fields: CsvFieldChoice[];
  initial: Record<string, number | undefined>;
  /** The contractors the mapping makes (first few) and how many in all; or why it cannot be imported. */
  preview: (
    mapping: Record<string, number | undefined>,
  ) => { lines: string[][]; total: number } | { error: string };
  onImport: (mapping: Record<string, number | undefined>) => void;
  onCancel: () => void;
}) {
  const [mapping, setMapping] = useState(initial);
  const header = table[0] ?? [];
  const result = preview(mapping);
  return (
    <form
      class="card stack"
      aria-label="Map the spreadsheet's columns"
      onSubmit={(e) => {
        e.preventDefault();
        onImport(mapping);
      }}
    >
      <p>
        <strong>{name}</strong>: {table.length - 1} lines, {header.length} columns. Which column holds what?
      </p>
      <div class="row">
        {fields.map((f) => (
          <label key={f.field}>
            <span class="muted">
              {f.label}
              {f.required && ' (needed)'}
            </span>
            <select
              value={mapping[f.field] ?? ''}
              onChange={(e) =>
                setMapping({
                  ...mapping,
                  [f.field]: e.currentTarget.value === '' ? undefined : Number(e.currentTarget.value),
                })
              }
            >
              <option value="">— none —</option>
              {header.map((h, i) => (
                <option key={`${i}:${h}`} value={i}>
                  {h || `Column ${i + 1}`}
                </option>
              ))}
            </select>
          </label>
        ))}
      </div>
      {'error' in result ? (
        <p class="error" role="alert">
          {result.error}
        </p>
      ) : (
        <table class="preview">
          <caption class="muted">
            The first {result.lines.length} of {result.total} contractors, as they will be imported
          </caption>
          <thead>
            <tr>
              {fields.map((f) => (
                <th key={f.field} scope="col" class="preview-cell">
                  {f.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {result.lines.map((line, i) => (
              <tr key={i}>
                {line.map((cell, k) => (
                  <td key={k} class="clip preview-cell">
                    {cell}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <div class="row">
        <button type="submit" class="primary" disabled={'error' in result}>
          Import {'error' in result ? '' : `${result.total} contractors`}
        </button>
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
