// A list the API pages with keyset cursors (events, audit trail): the first page whenever the
// filters are applied, "Load more" for the next one, and a line saying how much is shown.
import { get } from './api.js';

/**
 * Wires `more` and answers `load(reset)`: `reset` starts again from the first page of `query()`;
 * each item becomes `row(item)` in `tbody`. `onReset` and `onPage` let a page keep its own state
 * (a selection) in step.
 */
export function keysetList({ path, pageSize, tbody, more, count, error, query, row, empty,
  onReset = () => {}, onPage = () => {} }) {
  let cursor = null;
  let shown = 0;
  let current = {};

  async function load(reset) {
    error.clear();
    if (reset) {
      current = query();
      cursor = null;
      shown = 0;
      tbody.replaceChildren();
      onReset();
    }
    try {
      const page = await get(path, { ...current, cursor, limit: pageSize });
      for (const item of page.items) tbody.append(row(item));
      shown += page.items.length;
      cursor = page.next_cursor;
      more.hidden = !cursor;
      count.textContent = shown === 0 ? empty : `${shown} shown${cursor ? ' (more available)' : ''}`;
      onPage();
    } catch (e) {
      error.show(e);
    }
  }

  more.addEventListener('click', () => load(false));
  return load;
}
