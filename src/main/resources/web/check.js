// Parley's connection check (GET /check): tests, from this device, each step of joining and
// says in plain words which one failed and what to do. `?server=HOST:PORT` checks another
// server than the one that served the page (add `&tls=1` for an encrypted one).
(() => {
  'use strict';
  const $ = (id) => document.getElementById(id);
  const { t } = window.ParleyI18n;
  const TIMEOUT_MS = 6000;
  const params = new URLSearchParams(location.search);
  const served = location.protocol === 'http:' || location.protocol === 'https:';
  const target = params.get('server') || location.host;
  const secure = params.has('server') ? params.get('tls') === '1' : location.protocol === 'https:';
  const sameOrigin = served && target === location.host;
  const port = (target.includes(']') ? target.split(']:')[1] : target.split(':')[1]) || (secure ? '443' : '80');

  function step(id, state, words) {
    $(id).dataset.state = state;
    $(id).querySelector('.words').textContent = words;
  }

  async function reachHttp() {
    const abort = new AbortController();
    const timer = setTimeout(() => abort.abort(), TIMEOUT_MS);
    try {
      // Another origin's answer cannot be read, but that it came is all this step asks.
      await fetch(`${secure ? 'https' : 'http'}://${target}/healthz`,
        { cache: 'no-store', mode: sameOrigin ? 'same-origin' : 'no-cors', signal: abort.signal });
      return true;
    } catch {
      return false;
    } finally {
      clearTimeout(timer);
    }
  }

  function reachWebSocket() {
    return new Promise((resolve) => {
      let ws;
      try {
        ws = new WebSocket(`${secure ? 'wss' : 'ws'}://${target}/ws?probe=1`);
      } catch {
        resolve(false);
        return;
      }
      const timer = setTimeout(() => { ws.close(); resolve(false); }, TIMEOUT_MS);
      // The server closes a probe at once with 1000: the upgrade went through.
      ws.onclose = (event) => { clearTimeout(timer); resolve(event.code === 1000); };
    });
  }

  async function run() {
    $('target').textContent = target;
    const [before, after = ''] = t('check.hint').split('{0}');
    $('check-hint').replaceChildren(before, $('target'), after);
    $('join-link').hidden = true;
    $('summary').textContent = t('check.checking');
    step('step-http', 'running', t('check.step.checking'));
    step('step-ws', 'waiting', t('check.step.waiting'));
    step('step-tls', 'waiting', t('check.step.waiting'));
    if (!(await reachHttp())) {
      step('step-http', 'fail', t('check.http.fail', target, port));
      step('step-ws', 'waiting', t('check.ws.notTried'));
      step('step-tls', 'waiting', t(secure ? 'check.tls.notTriedSecure' : 'check.tls.notTried'));
      $('summary').textContent = t('check.unreachable');
      return;
    }
    step('step-http', 'ok', t('check.http.ok', target));
    const live = await reachWebSocket();
    step('step-ws', live ? 'ok' : 'fail', t(live ? 'check.ws.ok' : 'check.ws.fail'));
    step('step-tls', secure ? 'ok' : 'info', t(secure ? 'check.tls.ok' : 'check.tls.off'));
    $('summary').textContent = t(live ? 'check.good' : 'check.noChat');
    $('join-link').hidden = !live || !sameOrigin;
  }

  $('again').addEventListener('click', run);
  run();
})();
