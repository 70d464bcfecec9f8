import { describeClaim, ORIGIN_LABELS } from '../../core/claims/catalogue';
import { revealInvisible } from '../../core/text/revealInvisible';

/** The JOSE header parameters, each described (kid, jku and x5u are shown as inert text, never fetched). */
export function HeaderParams({ header }: { header: Record<string, unknown> }) {
  const names = Object.keys(header);
  if (names.length === 0) return null;
  return (
    <table className="w-full text-left text-sm">
      <caption className="sr-only">Header parameters</caption>
      <tbody className="divide-y divide-slate-100 align-top dark:divide-slate-800">
        {names.map((name) => {
          const info = describeClaim(name, 'header');
          const value = header[name];
          const text = typeof value === 'string' ? value : (JSON.stringify(value) ?? String(value));
          return (
            <tr key={name} data-testid="header-param" data-param={name}>
              <th scope="row" className="w-3/5 py-1.5 pr-3 text-left align-top font-normal">
                <span className="block font-mono text-[13px] font-semibold text-seg-header">{revealInvisible(name).text}</span>
                <span className="font-mono text-[13px] break-all">{revealInvisible(text.length > 300 ? `${text.slice(0, 300)}…` : text).text}</span>
              </th>
              <td className="py-1.5 text-slate-700 dark:text-slate-300">
                {info ? (
                  <>
                    <span className="font-medium">{info.title}.</span> {info.description} <span className="text-xs text-slate-500 dark:text-slate-400">({ORIGIN_LABELS[info.origin]})</span>
                  </>
                ) : (
                  <span className="text-slate-500 dark:text-slate-400">Not a registered header parameter.</span>
                )}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
