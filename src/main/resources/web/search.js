// The page's search panel: `search {query}` over the rooms and private conversations this name
// may read; the answer (`results`, newest first) or a refusal (`ref` "search") is shown above the log.
(() => {
  'use strict';
  const $ = (id) => document.getElementById(id);
  const { t } = window.ParleyI18n;

  // `send(type, payload)` is true when it went out; `open(room)` opens a result's conversation,
  // `room` being `@NAME` for a private one.
  function searchPanel(send, open) {
    $('search-form').addEventListener('submit', (e) => {
      e.preventDefault();
      const query = $('search').value.trim();
      if (!query) return;
      $('results').hidden = false;
      $('results-list').replaceChildren();
      $('results-summary').textContent = send('search', { query, limit: 50 }) ? t('search.searching') : t('search.offline');
    });
    $('results-close').addEventListener('click', () => { $('results').hidden = true; });

    function results(p) {
      const messages = p.messages || [];
      $('results-summary').textContent = messages.length ? t('search.count', messages.length) : t('search.none', p.query);
      $('results-list').replaceChildren(...messages.map(row));
    }

    function row(m) {
      const li = document.createElement('li');
      const where = String(m.room || '');
      const button = document.createElement('button');
      button.type = 'button';
      button.className = 'quiet';
      button.textContent = `${m.time ? new Date(m.time).toLocaleString() : ''} · ${where} · ${m.from}`;
      button.onclick = () => open(where);
      li.append(button, document.createTextNode(` ${m.text == null ? '' : m.text}`));
      return li;
    }

    function refused(reason) {
      $('results-summary').textContent = t('search.refused', reason);
    }

    return { results, refused };
  }

  window.ParleySearch = searchPanel;
})();
