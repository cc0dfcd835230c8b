// CSV export of a filtered, keyset-paginated list: every page fetched from the API, the file
// built here, so an export holds exactly what the filters select.
import { get } from './api.js';
import { h, toast } from './ui.js';

const EXPORT_PAGE = 500;

/**
 * Fetches every page of `path` with `query`, one row per item, and saves the file `name`.
 * Answers the number of items; `progress` hears the count so far.
 */
export async function exportCsv({ path, query, header, row, name, progress = () => {} }) {
  const rows = [header];
  let next = null;
  do {
    const page = await get(path, { ...query, cursor: next, limit: EXPORT_PAGE });
    for (const item of page.items) rows.push(row(item));
    next = page.next_cursor;
    progress(rows.length - 1);
  } while (next);
  download(name, toCsv(rows));
  return rows.length - 1;
}

/**
 * Wires a list page's export button: disabled while the export runs, counting as pages arrive,
 * a toast with the total at the end, failures shown in `error`. `options()` gives exportCsv's
 * options (path, query, header, row, name) as the filters stand at the click.
 */
export function exportOnClick(button, error, noun, options) {
  button.addEventListener('click', async () => {
    button.disabled = true;
    const label = button.textContent;
    try {
      const exported = await exportCsv({
        ...options(),
        progress: (n) => { button.textContent = `Exporting… ${n}`; },
      });
      toast(`Exported ${exported} ${noun}`);
    } catch (e) {
      error.show(e);
    } finally {
      button.disabled = false;
      button.textContent = label;
    }
  });
}

export function toCsv(rows) {
  const cell = (value) => {
    let text = value === null || value === undefined ? '' : String(value);
    // Keep spreadsheet programs from running cell text as formulas.
    if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
    return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  };
  return `${rows.map((r) => r.map(cell).join(',')).join('\r\n')}\r\n`;
}

function download(name, text) {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/csv;charset=utf-8' }));
  const link = h('a', { href: url, download: name, hidden: true });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10000);
}
