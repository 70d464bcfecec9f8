import type { Problem } from '../../core/result';

/** Every decoding problem, each naming its segment (contract: decode-error, data-segment). */
export function DecodeErrors({ errors, warnings }: { errors: Problem[]; warnings: string[] }) {
  if (errors.length === 0 && warnings.length === 0) return null;
  return (
    <div className="space-y-2" role="status">
      {errors.map((e, i) => (
        <p
          key={`${e.segment}-${i}`}
          data-testid="decode-error"
          data-segment={e.segment ?? 'token'}
          data-code={e.code}
          className="rounded border border-rose-300 bg-rose-50 px-3 py-2 text-sm text-rose-900 dark:border-rose-800 dark:bg-rose-950 dark:text-rose-100"
        >
          <strong className="mr-1 capitalize">{e.segment ?? 'Token'}:</strong>
          {e.message}
        </p>
      ))}
      {warnings.map((w) => (
        <p
          key={w}
          data-testid="decode-warning"
          className="rounded border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-100"
        >
          {w}
        </p>
      ))}
    </div>
  );
}
