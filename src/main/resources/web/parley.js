// Parley's browser client: the same wire protocol as the desktop app (design.md).
// Every piece of text from the network goes into the page with textContent, never as markup.
(() => {
  'use strict';
  const $ = (id) => document.getElementById(id);
  const { t } = window.ParleyI18n;
  const FATAL = new Set(['auth_failed', 'name_invalid']);
  const TYPING_SHOWN_MS = 5000;
  const TYPING_SENT_EVERY_MS = 3000;
  const ACK_WAIT_MS = 15000;
  // How a message reached the page: the first page of a conversation's history (old news),
  // a catch-up after a reconnect (unread, but no notification each), or live.
  const QUIET = 0, CATCHUP = 1, LIVE = 2;
  // A conversation is a room (its name) or a person: '@' and the lower-case name ('@' is in no
  // room name, and the server compares names without case).
  const personKey = (name) => '@' + String(name).toLowerCase();
  const isPerson = (conv) => conv.startsWith('@');
  const s = {
    name: '', password: '', firstRoom: 'lobby', ws: null, clientId: null, stopped: false,
    backoff: 500, timer: null, pingTimer: null, maxText: 4000, fatal: null, claimed: false,
    // Per-conversation state in Maps: a room may be named `__proto__` or `toString`.
    rooms: [], people: new Map(), // conv -> the person's name; last touched last
    current: null, lastRoom: null, unread: new Map(),
    typing: new Map(), // conv -> Map(from -> timer)
    members: new Map(), // room -> Map(clientId -> member), from full lists and deltas
    membersFrame: 0, typingSent: -Infinity,
    lastSeq: new Map(), buffer: new Map(), fetching: new Map(), lines: new Map(),
    outbox: new Map(), // cid -> {conv, type, payload, li, timer, failed}
    files: null, // welcome.files: {maxBytes, token}
  };
  const waitingUploads = new Map(); // li -> retry, run at the next welcome
  const search = window.ParleySearch(send, (room) => openConversation(room.startsWith('@') ? addPerson(room.slice(1)) : room));

  const params = new URLSearchParams(location.search);
  if (params.get('room')) $('room').value = params.get('room');
  $('name').value = localStorage.getItem('parley.name') || '';
  $('members-title').replaceChildren(...fill(t('members.title'), $('count')));

  $('join').addEventListener('submit', (e) => {
    e.preventDefault();
    s.name = $('name').value.trim();
    s.firstRoom = $('room').value.trim() || 'lobby';
    s.password = $('password').value;
    if (!s.name) return;
    localStorage.setItem('parley.name', s.name);
    $('join-error').textContent = '';
    s.stopped = false;
    s.fatal = null;
    if (!s.rooms.includes(s.firstRoom)) s.rooms.unshift(s.firstRoom);
    s.current = s.current || s.firstRoom;
    s.lastRoom = s.lastRoom || s.firstRoom;
    $('join').hidden = true;
    $('chat').hidden = false;
    $('notify').hidden = !('Notification' in window) || Notification.permission !== 'default';
    renderConversations();
    connect();
  });

  // This browser's key for this server: it makes the name its own (design.md v2). localStorage
  // belongs to the page's origin, so each server gets its own key.
  function ownKey() {
    let key = localStorage.getItem('parley.key');
    if (!/^[A-Za-z0-9_-]{22,64}$/.test(key || '')) {
      const bytes = crypto.getRandomValues(new Uint8Array(32));
      key = btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
      localStorage.setItem('parley.key', key);
    }
    return key;
  }

  function connect() {
    clearTimeout(s.timer);
    // The name the server knows our resends by: a rename to ann-2 must not stick.
    const query = { clientId: s.asked || s.name, room: s.firstRoom, key: ownKey() };
    if (s.password) query.token = s.password;
    const scheme = location.protocol === 'https:' ? 'wss' : 'ws';
    setStatus(t('status.connecting'));
    const ws = new WebSocket(`${scheme}://${location.host}/ws?${new URLSearchParams(query)}`);
    s.ws = ws;
    ws.onmessage = (event) => {
      let msg;
      try { msg = JSON.parse(event.data); } catch { return; }
      handle(msg);
    };
    ws.onclose = (event) => {
      if (s.ws !== ws) return;
      clearInterval(s.pingTimer);
      s.ws = null;
      updateComposer();
      for (const item of s.outbox.values()) clearTimeout(item.timer); // they go again at the next welcome
      if (s.stopped) return;
      if (s.fatal) {
        $('join-error').textContent = s.fatal;
        $('chat').hidden = true;
        $('join').hidden = false;
        s.clientId = null;
        s.asked = null;
        return;
      }
      $('check-link').hidden = false;
      const delay = Math.round(s.backoff / 2 + Math.random() * s.backoff / 2);
      s.backoff = Math.min(s.backoff * 2, 30000);
      setStatus(t('status.reconnecting', Math.ceil(delay / 1000)) + (event.code === 1001 ? t('status.roomClosed') : ''));
      s.timer = setTimeout(connect, delay);
    };
  }

  function send(type, payload) {
    if (s.ws && s.ws.readyState === WebSocket.OPEN) {
      s.ws.send(JSON.stringify({ type, payload }));
      return true;
    }
    return false;
  }

  function handle(msg) {
    const p = msg.payload;
    switch (msg.type) {
      case 'welcome': return welcome(p);
      case 'system': return addLine(s.lastRoom, 'system', null, typeof p === 'string' ? p : (p && p.text) || '');
      case 'presence': return presence(p);
      case 'history': return history(p);
      case 'chat': return chat(p);
      case 'dm': return dm(p);
      case 'typing': return typing(p);
      case 'results': return search.results(p);
      case 'pong': if (p && typeof p.t === 'number') setStatus(t('status.rtt', Math.round(performance.now() - p.t))); return;
      case 'error': return refused(typeof p === 'string' ? { message: p } : (p || {}));
      default: return;
    }
  }

  function welcome(p) {
    s.clientId = p.clientId;
    s.claimed = !!p.claimed;
    s.asked = p.renamedFrom || p.clientId;
    s.backoff = 500;
    $('check-link').hidden = true;
    if (p.limits && p.limits.maxTextChars) s.maxText = p.limits.maxTextChars;
    setStatus(t('status.connected', p.clientId));
    if (p.renamedFrom) addLine(s.lastRoom, 'system', null, t('status.renamed', p.renamedFrom, p.clientId));
    for (const room of s.rooms) {
      if (room !== p.room) send('join', { room });
      if (s.lastSeq.has(room)) fetchAfter(room);
    }
    // Newest first on the wire; the list shows the last touched first.
    for (const { with: name, lastSeq } of [...(p.conversations || [])].reverse()) {
      const conv = addPerson(name);
      if (!s.lastSeq.has(conv)) loadLatest(conv);
      else if (lastSeq > s.lastSeq.get(conv)) fetchAfter(conv);
    }
    renderConversations();
    for (const [cid, item] of s.outbox) if (!item.failed) transmit(cid, item);
    s.files = p.files || null;
    $('attach').disabled = !s.files;
    for (const [li, retry] of waitingUploads) { waitingUploads.delete(li); retry(); }
    clearInterval(s.pingTimer);
    s.pingTimer = setInterval(() => send('ping', { t: performance.now() }), 15000);
    send('ping', { t: performance.now() });
    updateComposer();
  }

  // `history` asks for a room by `room`, for a private conversation by `with`.
  function about(conv) {
    return isPerson(conv) ? { with: s.people.get(conv) } : { room: conv };
  }

  function fetchAfter(conv) {
    if (s.fetching.get(conv)) return;
    s.fetching.set(conv, true);
    send('history', { ...about(conv), after: s.lastSeq.get(conv) || 0, limit: 500 });
  }

  function loadLatest(conv) {
    s.fetching.set(conv, true);
    send('history', { ...about(conv), limit: 200 });
  }

  function history(p) {
    const conv = p.with ? addPerson(p.with) : p.room;
    if (!conv) return;
    const messages = p.messages || [];
    const wasFetching = s.fetching.get(conv);
    s.fetching.set(conv, false);
    const buffer = entry(s.buffer, conv, () => new Map());
    const mode = s.lastSeq.has(conv) ? CATCHUP : QUIET;
    if (mode === QUIET) {
      const first = messages.length ? messages[0].seq : Math.min(...buffer.keys());
      if (!Number.isFinite(first)) return;
      s.lastSeq.set(conv, first - 1);
    }
    for (const m of messages) merge(conv, m, mode);
    const waiting = [...buffer.keys()];
    if (waiting.length) {
      if (wasFetching && !messages.length) {
        // The gap is older than the server keeps: skip to what we have.
        s.lastSeq.set(conv, Math.min(...waiting) - 1);
        drain(conv);
      } else {
        fetchAfter(conv);
      }
    }
  }

  function chat(p) {
    const room = p.room || s.lastRoom;
    if (!p.seq) return show(room, p, LIVE); // the seed's server has no seq
    receive(room, p);
  }

  function dm(p) {
    const mine = String(p.from).toLowerCase() === String(s.clientId).toLowerCase();
    const conv = addPerson(mine ? p.to : p.from);
    renderConversations();
    if (!p.seq) return show(conv, p, LIVE); // a v1 server does not number private messages
    receive(conv, p);
  }

  // A live message with its conversation's `seq`.
  function receive(conv, m) {
    if (!s.lastSeq.has(conv)) {
      if (s.fetching.get(conv)) { // its history is on the way and will say where to start
        entry(s.buffer, conv, () => new Map()).set(m.seq, { m, mode: LIVE });
        return;
      }
      s.lastSeq.set(conv, m.seq - 1);
    }
    merge(conv, m, LIVE);
    if (s.buffer.has(conv) && s.buffer.get(conv).size) fetchAfter(conv);
  }

  function merge(conv, m, mode) {
    if (m.cid) settle(m.cid);
    if (m.seq <= s.lastSeq.get(conv)) return; // already shown: exactly once
    entry(s.buffer, conv, () => new Map()).set(m.seq, { m, mode });
    drain(conv);
  }

  function drain(conv) {
    const buffer = s.buffer.get(conv) || new Map();
    while (buffer.has(s.lastSeq.get(conv) + 1)) {
      const next = buffer.get(s.lastSeq.get(conv) + 1);
      buffer.delete(next.m.seq);
      s.lastSeq.set(conv, next.m.seq);
      show(conv, next.m, next.mode);
    }
  }

  function show(conv, m, mode) {
    if (m.cid) settle(m.cid);
    stopTyping(conv, m.from);
    addLine(conv, 'chat', m.from, m.text, m.time, m.from === s.clientId || m.from === s.name, m.file, mode);
  }

  // The person's conversation, added to the list (or moved to its top).
  function addPerson(name) {
    const conv = personKey(name);
    s.people.delete(conv);
    s.people.set(conv, String(name));
    return conv;
  }

  function openConversation(conv) {
    s.current = conv;
    if (!isPerson(conv)) s.lastRoom = conv;
    s.unread.set(conv, 0);
    renderConversations();
    renderLog();
    renderMembers();
    renderTyping();
    updateTitle();
  }

  // ---- sending: every message waits in the outbox until its copy returns with its cid ----

  function newCid() {
    return crypto.randomUUID ? crypto.randomUUID() : `${Date.now()}-${Math.random()}`;
  }

  // What a message to `conv` is: `chat {room}` or `dm {to}`.
  function addressed(conv, payload) {
    return isPerson(conv) ? ['dm', { to: s.people.get(conv), ...payload }] : ['chat', { room: conv, ...payload }];
  }

  function post(conv, li, payload) {
    const cid = newCid();
    const [type, addressedPayload] = addressed(conv, { ...payload, cid });
    const item = { conv, type, payload: addressedPayload, li, timer: 0, failed: false };
    s.outbox.set(cid, item);
    li.querySelector('.time').textContent = t('log.status.pending');
    transmit(cid, item);
  }

  // Sent now if connected (and given up as "not sent" when no answer comes), else at the next welcome.
  function transmit(cid, item) {
    clearTimeout(item.timer);
    if (send(item.type, item.payload)) item.timer = setTimeout(() => notSent(cid, t('log.timedOut')), ACK_WAIT_MS);
  }

  function settle(cid) {
    const item = s.outbox.get(cid);
    if (!item) return;
    clearTimeout(item.timer);
    s.outbox.delete(cid);
    item.li.remove();
    removeLine(item.conv, item.li);
  }

  // The line says why and offers Retry, which sends it again with the same cid (the server
  // answers a copy it already stored instead of storing a second one).
  function notSent(cid, reason) {
    const item = s.outbox.get(cid);
    if (!item || item.failed) return;
    clearTimeout(item.timer);
    item.failed = true;
    failLine(item.li, reason, () => {
      item.failed = false;
      item.li.classList.add('pending');
      item.li.querySelector('.time').textContent = t('log.status.pending');
      transmit(cid, item);
    });
  }

  function failLine(li, reason, retry) {
    li.classList.remove('pending');
    li.classList.add('error-line');
    li.querySelector('.time').textContent = t('log.status.failed');
    const problem = document.createElement('span');
    problem.className = 'problem';
    problem.textContent = ` — ${reason} `;
    const again = document.createElement('button');
    again.type = 'button';
    again.className = 'retry';
    again.textContent = t('log.retry');
    again.onclick = () => { problem.remove(); again.remove(); li.classList.remove('error-line'); retry(); };
    li.append(problem, again);
  }

  function refused(p) {
    if (FATAL.has(p.code)) s.fatal = p.message || p.code;
    const reason = p.message || p.code || 'refused';
    if (p.ref === 'search') return search.refused(reason);
    if (p.ref === 'typing') return; // the person left: nothing was lost
    if (p.ref && s.outbox.has(p.ref)) {
      notSent(p.ref, reason);
      $('input-error').textContent = t('input.refused', p.code || '?', reason);
      return;
    }
    $('input-error').textContent = reason;
    addLine(s.current, 'error-line', null, reason);
  }

  // ---- the log ----

  function addLine(conv, kind, from, text, time, own, file, mode = QUIET) {
    const li = document.createElement('li');
    li.className = kind + (own ? ' own' : '');
    const stamp = document.createElement('span');
    stamp.className = 'time';
    stamp.textContent = time ? new Date(time).toLocaleTimeString() : '';
    li.append(stamp);
    if (from) {
      const who = document.createElement('span');
      who.className = 'from';
      who.textContent = from;
      li.append(who);
    }
    const body = window.ParleyText.render(text, own || kind !== 'chat' ? null : s.clientId);
    li.append(body.fragment);
    if (body.mentioned) li.classList.add('mention');
    if (file && typeof file === 'object') li.append(window.ParleyFiles.view(file));
    entry(s.lines, conv, () => []).push(li);
    if (conv === s.current) {
      const log = $('log');
      const atBottom = log.scrollHeight - log.scrollTop - log.clientHeight < 40;
      log.append(li);
      if (atBottom || own) log.scrollTop = log.scrollHeight;
    }
    if (kind === 'chat' && !own && mode !== QUIET) {
      if (conv !== s.current || document.hidden) {
        s.unread.set(conv, (s.unread.get(conv) || 0) + 1);
        renderConversations();
        updateTitle();
      }
      if (mode === LIVE) notify(conv, from, text, body.mentioned);
    }
    return li;
  }

  function removeLine(conv, li) {
    const lines = s.lines.get(conv) || [];
    const at = lines.indexOf(li);
    if (at >= 0) lines.splice(at, 1);
  }

  function renderLog() {
    const log = $('log');
    log.replaceChildren(...(s.lines.get(s.current) || []));
    log.scrollTop = log.scrollHeight;
  }

  // ---- noticing: the tab's title, the browser's notifications ----

  function updateTitle() {
    let total = 0;
    for (const count of s.unread.values()) total += count;
    document.title = total ? `(${total}) ${t('app.title')}` : t('app.title');
  }

  function notify(conv, from, text, mentioned) {
    if (!('Notification' in window) || Notification.permission !== 'granted') return;
    if (conv === s.current && !document.hidden && document.hasFocus()) return;
    const title = isPerson(conv) ? t('notify.direct', from)
      : t(mentioned ? 'notify.mention' : 'notify.room', from, conv);
    try {
      const note = new Notification(title, { body: String(text || '').slice(0, 140), tag: conv });
      note.onclick = () => { window.focus(); openConversation(conv); note.close(); };
    } catch {
      // Chrome on Android shows notifications only from a service worker: the title count stays.
    }
  }

  // Asked on a click, as browsers require: never unprompted.
  $('notify').addEventListener('click', async () => {
    await Notification.requestPermission();
    $('notify').hidden = Notification.permission !== 'default';
  });

  document.addEventListener('visibilitychange', () => {
    if (document.hidden || !s.current) return;
    s.unread.set(s.current, 0);
    renderConversations();
    updateTitle();
  });

  // ---- conversations, members, typing ----

  function renderConversations() {
    const add = document.createElement('button');
    add.type = 'button';
    add.textContent = '+';
    add.title = t('rooms.add');
    add.onclick = () => {
      const room = (prompt(t('rooms.prompt')) || '').trim();
      if (!room || s.rooms.includes(room)) return;
      s.rooms.push(room);
      send('join', { room });
      openConversation(room);
    };
    $('rooms').replaceChildren(...s.rooms.map((room) => conversationButton(room, room)), add);
    $('people').replaceChildren(...[...s.people].reverse().map(([conv, name]) => conversationButton(conv, name)));
    $('people-title').hidden = !s.people.size;
  }

  function conversationButton(conv, label) {
    const button = document.createElement('button');
    button.type = 'button';
    button.className = conv === s.current ? 'active' : '';
    const unread = s.unread.get(conv);
    const typists = s.typing.get(conv);
    button.textContent = (unread ? `${label} (${unread})` : label) + (typists && typists.size ? ` · ${t('typing')}` : '');
    button.onclick = () => openConversation(conv);
    return button;
  }

  // `members` is a full list (it replaces); otherwise `joined` adds or replaces, `left` removes.
  function presence(p) {
    let room = s.members.get(p.room);
    if (Array.isArray(p.members)) {
      room = new Map();
      s.members.set(p.room, room);
      for (const m of p.members) room.set(m.clientId, m);
    } else if (!room) {
      return; // a change before the full list: the full list will say it all
    }
    for (const id of p.left || []) room.delete(id);
    for (const m of p.joined || []) room.set(m.clientId, m);
    if (p.room === s.lastRoom) renderMembers();
  }

  // The members of the room on screen, or of the last room seen beside a private conversation.
  // At most once a frame: a crowd arriving sends many changes in a row.
  function renderMembers() {
    if (s.membersFrame) return;
    s.membersFrame = requestAnimationFrame(() => {
      s.membersFrame = 0;
      const members = [...(s.members.get(s.lastRoom) || new Map()).values()]
        .sort((a, b) => a.clientId.localeCompare(b.clientId));
      $('members').replaceChildren(...members.map(memberRow));
      $('count').textContent = String(members.length);
    });
  }

  // Another member is a button that opens the private conversation with them.
  function memberRow(m) {
    const li = document.createElement('li');
    const status = m.status && m.status !== 'online' ? ` · ${t(`members.status.${m.status}`)}` : '';
    if (m.clientId === s.clientId) {
      li.textContent = `${m.clientId} ${t('members.you')}${status}`;
      return li;
    }
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'person';
    button.dataset.name = m.clientId;
    button.title = t('members.message', m.clientId);
    button.textContent = m.clientId + status;
    button.onclick = () => openConversation(addPerson(m.clientId));
    li.append(button);
    return li;
  }

  // `typing {room, from}` in a room, `typing {from, to}` in a private conversation.
  function typing(p) {
    if (!p || !p.from || p.from === s.clientId) return;
    const conv = p.room || personKey(p.from);
    const typists = entry(s.typing, conv, () => new Map());
    clearTimeout(typists.get(p.from));
    typists.set(p.from, setTimeout(() => stopTyping(conv, p.from), TYPING_SHOWN_MS));
    renderConversations();
    renderTyping();
  }

  function stopTyping(conv, from) {
    const typists = s.typing.get(conv);
    if (!typists || !typists.has(from)) return;
    clearTimeout(typists.get(from));
    typists.delete(from);
    renderConversations();
    renderTyping();
  }

  function renderTyping() {
    const typists = [...(s.typing.get(s.current) || new Map()).keys()];
    $('typing').textContent = typists.length ? t('typing.line', typists.join(', ')) : '';
  }

  // ---- helpers ----

  // The value of `key` in `map`, made by `make` the first time.
  function entry(map, key, make) {
    if (!map.has(key)) map.set(key, make());
    return map.get(key);
  }

  // The words of a template with `{0}` replaced by `node` (a live element, not text).
  function fill(template, node) {
    const [before, after = ''] = template.split('{0}');
    return [before, node, after];
  }

  function setStatus(text) { $('status').textContent = text; }

  function updateComposer() {
    const up = !!(s.ws && s.ws.readyState === WebSocket.OPEN);
    $('send').disabled = !up;
    $('input').placeholder = up ? t('input.prompt') : t('input.offline');
  }

  $('input').addEventListener('keydown', (e) => {
    if (e.key === 'Enter' && !e.shiftKey && !e.isComposing) {
      e.preventDefault();
      $('composer').requestSubmit();
    }
  });
  $('input').addEventListener('input', () => {
    const length = [...$('input').value].length;
    $('counter').textContent = length > s.maxText * 0.8 ? `${length} / ${s.maxText}` : '';
    if (length && s.current && performance.now() - s.typingSent > TYPING_SENT_EVERY_MS) {
      s.typingSent = performance.now();
      send('typing', isPerson(s.current) ? { to: s.people.get(s.current) } : { room: s.current });
    }
  });
  $('composer').addEventListener('submit', (e) => {
    e.preventDefault();
    const text = $('input').value.trim();
    $('input-error').textContent = '';
    if (!text) { $('input-error').textContent = t('input.blank'); return; }
    const length = [...text].length;
    if (length > s.maxText) { $('input-error').textContent = t('input.tooLong', length, s.maxText); return; }
    post(s.current, addLine(s.current, 'chat pending', s.clientId || s.name, text, null, true), { text });
    s.typingSent = -Infinity;
    $('input').value = '';
    $('counter').textContent = '';
  });

  // Files: the attach button, a drop onto the chat, a pasted screenshot. Each is uploaded (hashed,
  // then sent from where the server's copy stops), then shared as a message with a cid.
  async function attach(file, conv) {
    const li = addLine(conv, 'chat pending', s.clientId || s.name, file.name, null, true);
    const status = li.querySelector('.time');
    status.textContent = t('attach.waiting');
    const retry = () => { li.remove(); removeLine(conv, li); attach(file, conv); };
    try {
      if (!s.files) throw new Error(t('attach.noFiles'));
      const sha = await window.ParleyFiles.upload(file, s.files.token, s.files.maxBytes, (text) => { status.textContent = text; });
      post(conv, li, { text: '', file: { sha256: sha, name: file.name, mime: file.type || undefined } });
    } catch (error) {
      failLine(li, error.message, retry);
      if (!s.ws) waitingUploads.set(li, retry); // cut by a disconnect: continue once back
    }
  }

  function attachAll(files) {
    for (const file of files) attach(file, s.current);
  }

  $('attach').addEventListener('click', () => $('attach-input').click());
  $('attach-input').addEventListener('change', () => { attachAll([...$('attach-input').files]); $('attach-input').value = ''; });
  $('chat').addEventListener('dragover', (e) => { if (e.dataTransfer.types.includes('Files')) e.preventDefault(); });
  $('chat').addEventListener('drop', (e) => {
    if (!e.dataTransfer.files.length) return;
    e.preventDefault();
    attachAll([...e.dataTransfer.files]);
  });
  $('input').addEventListener('paste', (e) => {
    const files = [...(e.clipboardData ? e.clipboardData.files : [])];
    if (!files.length) return;
    e.preventDefault();
    attachAll(files);
  });
})();
