// Shared files for Parley's page (design.md, "Files and images"): hashing, resumable upload,
// and how a shared file shows in the log. Loaded before parley.js, which calls window.ParleyFiles.
(() => {
  'use strict';

  // SHA-256 in plain JavaScript: crypto.subtle exists only on https and localhost, and it
  // cannot hash a file piece by piece. Constants from the primes, as FIPS 180-4 defines them.
  function sha256() {
    const primes = [];
    for (let n = 2; primes.length < 64; n++) if (primes.every((p) => n % p)) primes.push(n);
    const frac = (x) => ((x - Math.floor(x)) * 2 ** 32) >>> 0;
    const K = Uint32Array.from(primes, (p) => frac(Math.cbrt(p)));
    const H = Uint32Array.from(primes.slice(0, 8), (p) => frac(Math.sqrt(p)));
    const W = new Uint32Array(64);
    const pending = new Uint8Array(64);
    let used = 0;
    let total = 0;
    const rotr = (x, n) => (x >>> n) | (x << (32 - n));
    function block(bytes, at) {
      for (let i = 0; i < 16; i++) {
        W[i] = (bytes[at + 4 * i] << 24) | (bytes[at + 4 * i + 1] << 16) | (bytes[at + 4 * i + 2] << 8) | bytes[at + 4 * i + 3];
      }
      for (let i = 16; i < 64; i++) {
        const a = W[i - 15], b = W[i - 2];
        W[i] = (W[i - 16] + (rotr(a, 7) ^ rotr(a, 18) ^ (a >>> 3)) + W[i - 7] + (rotr(b, 17) ^ rotr(b, 19) ^ (b >>> 10))) | 0;
      }
      let a = H[0], b = H[1], c = H[2], d = H[3], e = H[4], f = H[5], g = H[6], h = H[7];
      for (let i = 0; i < 64; i++) {
        const t1 = (h + (rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25)) + ((e & f) ^ (~e & g)) + K[i] + W[i]) | 0;
        const t2 = ((rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22)) + ((a & b) ^ (a & c) ^ (b & c))) | 0;
        h = g; g = f; f = e; e = (d + t1) | 0; d = c; c = b; b = a; a = (t1 + t2) | 0;
      }
      H[0] += a; H[1] += b; H[2] += c; H[3] += d; H[4] += e; H[5] += f; H[6] += g; H[7] += h;
    }
    function update(bytes) {
      total += bytes.length;
      let at = 0;
      if (used) {
        const take = Math.min(64 - used, bytes.length);
        pending.set(bytes.subarray(0, take), used);
        used += take; at = take;
        if (used < 64) return;
        block(pending, 0); used = 0;
      }
      for (; at + 64 <= bytes.length; at += 64) block(bytes, at);
      pending.set(bytes.subarray(at), 0);
      used = bytes.length - at;
    }
    function hex() {
      const bits = total * 8;
      const tail = new Uint8Array(((used + 8) >> 6) * 64 + 64 - used);
      tail[0] = 0x80;
      const view = new DataView(tail.buffer);
      view.setUint32(tail.length - 8, Math.floor(bits / 2 ** 32));
      view.setUint32(tail.length - 4, bits >>> 0);
      total -= tail.length; // padding is not content
      update(tail);
      return Array.from(H, (x) => x.toString(16).padStart(8, '0')).join('');
    }
    return { update, hex };
  }

  const CHUNK = 4 << 20;

  async function hashFile(file, progress) {
    if (window.crypto && crypto.subtle && file.size <= 256 << 20) {
      // Native and fast where the browser offers it (https, localhost); it needs the whole file.
      const digest = await crypto.subtle.digest('SHA-256', await file.arrayBuffer());
      return Array.from(new Uint8Array(digest), (x) => x.toString(16).padStart(2, '0')).join('');
    }
    const hash = sha256();
    for (let at = 0; at < file.size; at += CHUNK) {
      hash.update(new Uint8Array(await file.slice(at, at + CHUNK).arrayBuffer()));
      progress(Math.min(at + CHUNK, file.size), file.size);
    }
    return hash.hex();
  }

  function request(method, url, token, body, headers, progress) {
    return new Promise((resolve, reject) => {
      const xhr = new XMLHttpRequest();
      xhr.open(method, url);
      xhr.setRequestHeader('Authorization', `Bearer ${token}`);
      for (const [name, value] of Object.entries(headers || {})) xhr.setRequestHeader(name, value);
      if (progress) xhr.upload.onprogress = (e) => progress(e.loaded);
      xhr.onload = () => {
        let json = {};
        try { json = JSON.parse(xhr.responseText); } catch { /* not JSON */ }
        resolve({ status: xhr.status, json });
      };
      xhr.onerror = () => reject(new Error('the connection to the server failed'));
      xhr.send(body);
    });
  }

  // Uploads `file` with `token` (welcome.files.token), continuing what the server holds.
  // `progress(text)` reports; resolves with the sha256, rejects with a reason.
  async function upload(file, token, maxBytes, progress) {
    if (file.size > maxBytes) throw new Error(`larger than the server allows (${size(maxBytes)})`);
    const sha = await hashFile(file, (done, total) => progress(`checking ${Math.round(100 * done / total)}%`));
    const status = await request('GET', `/files/${sha}/status`, token);
    if (status.status !== 200) throw new Error(status.json.error || `HTTP ${status.status}`);
    if (status.json.complete) return sha;
    const from = status.json.received || 0;
    const headers = file.size ? { 'Content-Range': `bytes ${from}-${file.size - 1}/${file.size}` } : {};
    const sent = await request('PUT', `/files/${sha}`, token, file.slice(from), headers,
      (loaded) => progress(`uploading ${Math.round(100 * (from + loaded) / Math.max(1, file.size))}%`));
    if (sent.status !== 200 && sent.status !== 201) throw new Error(sent.json.error || `HTTP ${sent.status}`);
    return sha;
  }

  function size(bytes) {
    const units = ['B', 'KB', 'MB', 'GB'];
    let value = bytes, unit = 0;
    while (value >= 1000 && unit < units.length - 1) { value /= 1000; unit++; }
    return `${unit ? value.toFixed(1) : value} ${units[unit]}`;
  }

  // The element that shows a shared file: its thumbnail (a link to the picture) or a download
  // link. Only the server's own /files/ paths become links.
  function view(file) {
    const box = document.createElement('div');
    box.className = 'file';
    const url = typeof file.url === 'string' && file.url.startsWith('/files/') ? file.url : null;
    const thumb = typeof file.thumb === 'string' && file.thumb.startsWith('/files/') ? file.thumb : null;
    const link = document.createElement('a');
    link.textContent = String(file.name || 'file');
    if (url) { link.href = url; link.target = '_blank'; link.rel = 'noopener noreferrer'; }
    if (thumb) {
      const img = document.createElement('img');
      img.src = thumb;
      img.alt = String(file.name || 'image');
      img.loading = 'lazy';
      const picture = document.createElement('a');
      if (url) { picture.href = url; picture.target = '_blank'; picture.rel = 'noopener noreferrer'; }
      picture.append(img);
      box.append(picture);
    } else if (url && !String(file.mime || '').startsWith('image/')) {
      link.download = String(file.name || 'file');
    }
    const meta = document.createElement('span');
    meta.className = 'size';
    meta.textContent = typeof file.size === 'number' ? ` ${size(file.size)}` : '';
    box.append(link, meta);
    return box;
  }

  window.ParleyFiles = { upload, view, size, sha256 };
})();
