// A message's text as DOM nodes: http(s) addresses become links that open in a new tab without
// a handle on this page (rel=noopener), mentions of your name are marked, and everything else
// stays plain text (text nodes only, never markup).
(() => {
  'use strict';
  // Ends at white space, quotes, angle brackets and full-width punctuation, which Chinese text
  // puts right after an address.
  const ADDRESS = /\bhttps?:\/\/[^\s<>"'，。！？、；：（）《》「」【】]+/gi;
  // Punctuation that ends a sentence rather than the address.
  const TRAILING = /[.,;:!?)\]}]+$/;
  const patterns = new Map(); // name -> RegExp of its mentions

  function render(text, me) {
    const fragment = document.createDocumentFragment();
    const state = { mentioned: false };
    const source = text == null ? '' : String(text);
    let at = 0;
    for (const match of source.matchAll(ADDRESS)) {
      const address = match[0].replace(TRAILING, '');
      plain(fragment, source.slice(at, match.index), me, state);
      const link = anchor(address);
      if (link) fragment.append(link);
      else plain(fragment, address, me, state);
      at = match.index + address.length;
    }
    plain(fragment, source.slice(at), me, state);
    return { fragment, mentioned: state.mentioned };
  }

  function anchor(address) {
    let url;
    try { url = new URL(address); } catch { return null; }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
    const link = document.createElement('a');
    link.href = url.href;
    link.textContent = address;
    link.target = '_blank';
    link.rel = 'noopener noreferrer';
    return link;
  }

  // Text with each mention of `me` in a <mark>.
  function plain(fragment, text, me, state) {
    if (!text) return;
    const pattern = me ? mentions(me) : null;
    let at = 0;
    if (pattern) {
      for (const match of text.matchAll(pattern)) {
        const start = match.index + match[1].length; // after the character before the name
        fragment.append(document.createTextNode(text.slice(at, start)));
        const mark = document.createElement('mark');
        mark.className = 'mention';
        mark.textContent = match[2];
        fragment.append(mark);
        at = start + match[2].length;
        state.mentioned = true;
      }
    }
    fragment.append(document.createTextNode(text.slice(at)));
  }

  // `ann` or `@ann`, not inside `annual`; a name in a script without spaces between words
  // (Chinese) is found anywhere. Group 1 is the character before, group 2 the mention (no
  // lookbehind: older Safari cannot parse one).
  function mentions(me) {
    if (!patterns.has(me)) {
      const escaped = me.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      const source = /^[\x20-\x7e]+$/.test(me) ? `(^|[^A-Za-z0-9_])(@?${escaped})(?![A-Za-z0-9_])` : `()(@?${escaped})`;
      patterns.set(me, new RegExp(source, 'gi'));
    }
    return patterns.get(me);
  }

  window.ParleyText = { render };
})();
