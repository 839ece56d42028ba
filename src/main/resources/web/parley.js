// Parley's browser client: the same wire protocol as the desktop app (design.md).
// Every piece of text from the network goes into the page with textContent, never as markup.
(() => {
  'use strict';
  const $ = (id) => document.getElementById(id);
  const FATAL = new Set(['auth_failed', 'name_invalid']);
  const s = {
    name: '', password: '', firstRoom: 'lobby', ws: null, clientId: null, stopped: false,
    backoff: 500, timer: null, pingTimer: null, maxText: 4000, fatal: null,
    // Per-room state in Maps: a room may be named `__proto__` or `toString`.
    rooms: [], current: null, unread: new Map(),
    members: new Map(), // room -> Map(clientId -> member), from full lists and deltas
    membersFrame: 0,
    lastSeq: new Map(), buffer: new Map(), fetching: new Map(), lines: new Map(),
    outbox: new Map(), // cid -> {room, text, file?, li}
    files: null, // welcome.files: {maxBytes, token}
  };
  const waitingUploads = new Map(); // li -> retry, run at the next welcome

  const params = new URLSearchParams(location.search);
  if (params.get('room')) $('room').value = params.get('room');
  $('name').value = localStorage.getItem('parley.name') || '';

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
    $('join').hidden = true;
    $('chat').hidden = false;
    renderRooms();
    connect();
  });

  function connect() {
    clearTimeout(s.timer);
    // The name the server knows our resends by: a rename to ann-2 must not stick.
    const query = { clientId: s.asked || s.name, room: s.firstRoom };
    if (s.password) query.token = s.password;
    const scheme = location.protocol === 'https:' ? 'wss' : 'ws';
    setStatus('connecting…');
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
      setStatus(`reconnecting in ${Math.ceil(delay / 1000)} s${event.code === 1001 ? ' (room closed)' : ''}`);
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
      case 'system': return addLine(s.current, 'system', null, typeof p === 'string' ? p : (p && p.text) || '');
      case 'presence': return presence(p);
      case 'history': return history(p);
      case 'chat': return chat(p);
      case 'dm': return addLine(s.current, 'dm', `${p.from} → ${p.to}`, p.text, p.time, p.from === s.clientId, p.file);
      case 'pong': if (p && typeof p.t === 'number') setStatus(`connected · ${Math.round(performance.now() - p.t)} ms`); return;
      case 'error': return refused(typeof p === 'string' ? { message: p } : (p || {}));
      default: return;
    }
  }

  function welcome(p) {
    s.clientId = p.clientId;
    s.asked = p.renamedFrom || p.clientId;
    s.backoff = 500;
    $('check-link').hidden = true;
    if (p.limits && p.limits.maxTextChars) s.maxText = p.limits.maxTextChars;
    setStatus(`connected as ${p.clientId}`);
    for (const room of s.rooms) {
      if (room !== p.room) send('join', { room });
      if (s.lastSeq.has(room)) fetchAfter(room);
    }
    for (const [cid, item] of s.outbox) send('chat', { room: item.room, text: item.text, cid, file: item.file });
    s.files = p.files || null;
    $('attach').disabled = !s.files;
    for (const [li, retry] of waitingUploads) { waitingUploads.delete(li); retry(); }
    clearInterval(s.pingTimer);
    s.pingTimer = setInterval(() => send('ping', { t: performance.now() }), 15000);
    send('ping', { t: performance.now() });
    updateComposer();
  }

  function fetchAfter(room) {
    if (s.fetching.get(room)) return;
    s.fetching.set(room, true);
    send('history', { room, after: s.lastSeq.get(room) || 0, limit: 500 });
  }

  function history(p) {
    const room = p.room;
    const messages = p.messages || [];
    const wasFetching = s.fetching.get(room);
    s.fetching.set(room, false);
    if (!s.lastSeq.has(room) && messages.length) s.lastSeq.set(room, messages[0].seq - 1);
    for (const m of messages) merge(room, m);
    const waiting = [...(s.buffer.get(room) || new Map()).keys()];
    if (waiting.length) {
      if (wasFetching && !messages.length) {
        // The gap is older than the server keeps: skip to what we have.
        s.lastSeq.set(room, Math.min(...waiting) - 1);
        drain(room);
      } else {
        fetchAfter(room);
      }
    }
  }

  function chat(p) {
    const room = p.room || s.current;
    if (!p.seq) return show(room, p); // the seed's server has no seq
    if (!s.lastSeq.has(room)) s.lastSeq.set(room, p.seq - 1);
    merge(room, p);
    if (s.buffer.has(room) && s.buffer.get(room).size) fetchAfter(room);
  }

  function merge(room, m) {
    if (m.cid) settle(m.cid);
    if (m.seq <= s.lastSeq.get(room)) return; // already shown: exactly once
    entry(s.buffer, room, () => new Map()).set(m.seq, m);
    drain(room);
  }

  function drain(room) {
    const buffer = s.buffer.get(room) || new Map();
    while (buffer.has(s.lastSeq.get(room) + 1)) {
      const next = buffer.get(s.lastSeq.get(room) + 1);
      buffer.delete(next.seq);
      s.lastSeq.set(room, next.seq);
      show(room, next);
    }
  }

  function show(room, m) {
    if (m.cid) settle(m.cid);
    addLine(room, 'chat', m.from, m.text, m.time, m.from === s.clientId || m.from === s.name, m.file);
  }

  function settle(cid) {
    const item = s.outbox.get(cid);
    if (!item) return;
    s.outbox.delete(cid);
    item.li.remove();
    removeLine(item.room, item.li);
  }

  function refused(p) {
    if (FATAL.has(p.code)) s.fatal = p.message || p.code;
    const item = p.ref && s.outbox.get(p.ref);
    if (item) {
      s.outbox.delete(p.ref);
      item.li.classList.remove('pending');
      item.li.classList.add('error-line');
      item.li.querySelector('.time').textContent = 'not sent';
    }
    $('input-error').textContent = p.message || p.code || 'refused';
    if (!item) addLine(s.current, 'error-line', null, p.message || p.code || 'error');
  }

  function addLine(room, kind, from, text, time, own, file) {
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
    li.append(document.createTextNode(text == null ? '' : String(text)));
    if (file && typeof file === 'object') li.append(window.ParleyFiles.view(file));
    entry(s.lines, room, () => []).push(li);
    if (room === s.current) {
      const log = $('log');
      const atBottom = log.scrollHeight - log.scrollTop - log.clientHeight < 40;
      log.append(li);
      if (atBottom || own) log.scrollTop = log.scrollHeight;
    } else if (kind === 'chat') {
      s.unread.set(room, (s.unread.get(room) || 0) + 1);
      renderRooms();
    }
    return li;
  }

  function removeLine(room, li) {
    const lines = s.lines.get(room) || [];
    const at = lines.indexOf(li);
    if (at >= 0) lines.splice(at, 1);
  }

  function renderRooms() {
    const nav = $('rooms');
    nav.replaceChildren();
    for (const room of s.rooms) {
      const button = document.createElement('button');
      button.type = 'button';
      const unread = s.unread.get(room);
      button.textContent = unread ? `${room} (${unread})` : room;
      button.className = room === s.current ? 'active' : '';
      button.onclick = () => { s.current = room; s.unread.set(room, 0); renderRooms(); renderLog(); renderMembers(); };
      nav.append(button);
    }
    const add = document.createElement('button');
    add.type = 'button';
    add.textContent = '+';
    add.title = 'Join another room';
    add.onclick = () => {
      const room = (prompt('Room name') || '').trim();
      if (!room || s.rooms.includes(room)) return;
      s.rooms.push(room);
      s.current = room;
      send('join', { room });
      renderRooms(); renderLog(); renderMembers();
    };
    nav.append(add);
  }

  function renderLog() {
    const log = $('log');
    log.replaceChildren(...(s.lines.get(s.current) || []));
    log.scrollTop = log.scrollHeight;
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
    if (p.room === s.current) renderMembers();
  }

  // At most once a frame: a crowd arriving sends many changes in a row.
  function renderMembers() {
    if (s.membersFrame) return;
    s.membersFrame = requestAnimationFrame(() => {
      s.membersFrame = 0;
      const members = [...(s.members.get(s.current) || new Map()).values()]
        .sort((a, b) => a.clientId.localeCompare(b.clientId));
      $('members').replaceChildren(...members.map((m) => {
        const li = document.createElement('li');
        const status = m.status && m.status !== 'online' ? ` · ${m.status}` : '';
        li.textContent = m.clientId + (m.clientId === s.clientId ? ' (you)' : '') + status;
        return li;
      }));
      $('count').textContent = String(members.length);
    });
  }

  // The value of `key` in `map`, made by `make` the first time.
  function entry(map, key, make) {
    if (!map.has(key)) map.set(key, make());
    return map.get(key);
  }

  function setStatus(text) { $('status').textContent = text; }

  function updateComposer() {
    const up = !!(s.ws && s.ws.readyState === WebSocket.OPEN);
    $('send').disabled = !up;
    $('input').placeholder = up ? 'Message (Enter sends, Shift+Enter new line)' : 'Not connected: messages wait and are sent on reconnect';
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
  });
  $('composer').addEventListener('submit', (e) => {
    e.preventDefault();
    const text = $('input').value.trim();
    $('input-error').textContent = '';
    if (!text) { $('input-error').textContent = 'Type a message first.'; return; }
    if ([...text].length > s.maxText) { $('input-error').textContent = `At most ${s.maxText} characters.`; return; }
    const cid = (crypto.randomUUID ? crypto.randomUUID() : `${Date.now()}-${Math.random()}`);
    const li = addLine(s.current, 'chat pending', s.clientId || s.name, text, null, true);
    li.querySelector('.time').textContent = 'sending…';
    s.outbox.set(cid, { room: s.current, text, li });
    send('chat', { room: s.current, text, cid });
    $('input').value = '';
    $('counter').textContent = '';
  });

  // Files: the attach button, a drop onto the chat, a pasted screenshot. Each is uploaded (hashed,
  // then sent from where the server's copy stops), then shared as a chat message with a cid.
  async function attach(file, room) {
    const li = addLine(room, 'chat pending', s.clientId || s.name, file.name, null, true);
    const status = li.querySelector('.time');
    status.textContent = 'waiting…';
    const retry = () => { li.remove(); removeLine(room, li); attach(file, room); };
    try {
      if (!s.files) throw new Error('not connected, or this server takes no files');
      const sha = await window.ParleyFiles.upload(file, s.files.token, s.files.maxBytes, (text) => { status.textContent = text; });
      const cid = (crypto.randomUUID ? crypto.randomUUID() : `${Date.now()}-${Math.random()}`);
      const shared = { sha256: sha, name: file.name, mime: file.type || undefined };
      status.textContent = 'sending…';
      s.outbox.set(cid, { room, text: '', file: shared, li });
      send('chat', { room, text: '', cid, file: shared });
    } catch (error) {
      li.classList.remove('pending');
      li.classList.add('error-line');
      status.textContent = 'not sent';
      const again = document.createElement('button');
      again.type = 'button';
      again.className = 'retry';
      again.textContent = 'Retry';
      again.onclick = retry;
      li.append(` — ${error.message} `, again);
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
