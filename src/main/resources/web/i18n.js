// The page's words in English and Simplified Chinese, chosen by the browser's languages. Where the
// window says the same thing, the wording is the window's (dev/parley/ui/messages*.properties).
(() => {
  'use strict';
  const en = {
    'app.title': 'Parley',
    'join.hint': 'Join the chat room hosted on this computer.',
    'name.label': 'Your name',
    'join.roomPrompt': 'Room',
    'join.passwordPrompt': 'Password',
    'join.passwordHint': 'only if the host set one',
    'join.button': 'Join',
    'rooms.title': 'Rooms',
    'rooms.prompt': 'Room name',
    'rooms.add': 'Join another room',
    'people.title': 'People',
    'members.title': 'Connected ({0})',
    'members.you': '(you)',
    'members.status.away': 'away',
    'members.status.dnd': 'do not disturb',
    'members.message': 'Message {0} privately',
    'typing': 'typing…',
    'typing.line': '{0} typing…',
    'status.connecting': 'connecting…',
    'status.connected': 'connected as {0}',
    'status.rtt': 'connected · {0} ms',
    'status.reconnecting': 'reconnecting in {0} s',
    'status.roomClosed': ' (the host closed the room)',
    'status.renamed': '"{0}" belongs to someone else on this server: you are {1} here.',
    'check.link': 'Cannot connect? Check this device',
    'notify.enable': 'Turn on notifications',
    'notify.room': '{0} in {1}',
    'notify.mention': '{0} mentioned you in {1}',
    'notify.direct': '{0}',
    'input.prompt': 'Message (Enter sends, Shift+Enter new line)',
    'input.offline': 'Not connected: messages wait and are sent on reconnect',
    'input.send': 'Send',
    'input.blank': 'A blank message is not sent.',
    'input.tooLong': 'Too long: {0} of at most {1} characters.',
    'input.refused': 'The server refused it ({0}): {1}',
    'attach': 'Attach',
    'attach.title': 'Attach files (or drop them here, or paste a screenshot)',
    'attach.waiting': 'waiting…',
    'attach.noFiles': 'not connected, or this server takes no files',
    'log.retry': 'Retry',
    'log.status.pending': 'sending…',
    'log.status.failed': 'not sent',
    'log.timedOut': 'no answer from the server',
    'search.title': 'Search messages',
    'search.searching': 'Searching…',
    'search.none': 'No messages contain "{0}".',
    'search.count': (n) => (n === 1 ? '1 message' : `${n} messages`),
    'search.offline': 'Not connected; search again once connected.',
    'search.refused': 'Search refused: {0}',
    'search.close': 'Close',
    'check.title': 'Parley · connection check',
    'check.heading': 'Can this device reach the room?',
    'check.hint': 'Checks, from this device, each step of joining {0}.',
    'check.http': 'Server reached',
    'check.ws': 'Live connection (WebSocket)',
    'check.tls': 'Encryption (TLS)',
    'check.join': 'Join the room',
    'check.again': 'Check again',
    'check.checking': 'Checking…',
    'check.step.checking': 'checking…',
    'check.step.waiting': 'waiting…',
    'check.http.fail': "Nothing answered at {0}. Check that the host's Parley is running and still hosting, that this device is on the same network (the same Wi-Fi, not a guest network, and no VPN), and that the address is the one the host shows. If all that is right, the host's firewall probably blocks port {1}: the host's window shows the command that opens it.",
    'check.ws.notTried': 'not tried: the server must be reached first.',
    'check.tls.notTriedSecure': 'not tried. If your browser warned about the certificate, accept it only when the fingerprint matches the one the host shows.',
    'check.tls.notTried': 'not tried.',
    'check.unreachable': 'The server cannot be reached from this device.',
    'check.http.ok': 'The server at {0} answered.',
    'check.ws.ok': 'The live connection the chat uses works.',
    'check.ws.fail': 'The server answered, but its live connection (WebSocket) was blocked or cut. A proxy, a VPN or security software on this device or network may block WebSockets: try without the VPN or on another network. A page from another site than the server is refused on purpose.',
    'check.tls.ok': "Encrypted: this browser accepted the server's certificate. Its fingerprint should match the one the host shows.",
    'check.tls.off': 'Not encrypted: fine at home or in the office; the host can tick "Encrypt (TLS)" for an encrypted room.',
    'check.good': 'All good: this device can join.',
    'check.noChat': 'The server is reached, but the chat cannot connect.',
  };
  const zh = {
    'app.title': 'Parley',
    'join.hint': '加入这台电脑上主持的聊天房间。',
    'name.label': '你的名字',
    'join.roomPrompt': '房间',
    'join.passwordPrompt': '密码',
    'join.passwordHint': '仅当主持人设置了密码时填写',
    'join.button': '加入',
    'rooms.title': '房间',
    'rooms.prompt': '房间名',
    'rooms.add': '加入另一个房间',
    'people.title': '私聊',
    'members.title': '在线（{0}）',
    'members.you': '（你）',
    'members.status.away': '离开',
    'members.status.dnd': '请勿打扰',
    'members.message': '给 {0} 发私信',
    'typing': '正在输入…',
    'typing.line': '{0} 正在输入…',
    'status.connecting': '正在连接…',
    'status.connected': '已连接，名字：{0}',
    'status.rtt': '已连接 · 往返 {0} 毫秒',
    'status.reconnecting': '{0} 秒后重新连接',
    'status.roomClosed': '（主持人关闭了房间）',
    'status.renamed': '“{0}”在此服务器上属于别人：你在这里的名字是 {1}。',
    'check.link': '无法连接？检查这台设备',
    'notify.enable': '开启通知',
    'notify.room': '{0}（{1}）',
    'notify.mention': '{0} 在 {1} 提到了你',
    'notify.direct': '{0}',
    'input.prompt': '输入消息（Enter 发送，Shift+Enter 换行）',
    'input.offline': '未连接：消息会在重新连接后发送',
    'input.send': '发送',
    'input.blank': '不能发送空消息。',
    'input.tooLong': '太长了：{0} 个字符，最多 {1} 个。',
    'input.refused': '服务器拒绝了（{0}）：{1}',
    'attach': '附件',
    'attach.title': '添加文件（也可以拖到这里，或粘贴截图）',
    'attach.waiting': '等待中…',
    'attach.noFiles': '未连接，或此服务器不接收文件',
    'log.retry': '重试',
    'log.status.pending': '发送中…',
    'log.status.failed': '未发送',
    'log.timedOut': '服务器没有回应',
    'search.title': '搜索消息',
    'search.searching': '正在搜索…',
    'search.none': '没有包含“{0}”的消息。',
    'search.count': (n) => `找到 ${n} 条消息`,
    'search.offline': '未连接；连接后请再次搜索。',
    'search.refused': '搜索被拒绝：{0}',
    'search.close': '关闭',
    'check.title': 'Parley · 连接检查',
    'check.heading': '这台设备能连上房间吗？',
    'check.hint': '在这台设备上逐步检查能否加入 {0}。',
    'check.http': '连上服务器',
    'check.ws': '实时连接（WebSocket）',
    'check.tls': '加密（TLS）',
    'check.join': '加入房间',
    'check.again': '再检查一次',
    'check.checking': '正在检查…',
    'check.step.checking': '正在检查…',
    'check.step.waiting': '等待中…',
    'check.http.fail': '{0} 没有回应。请确认主持人的 Parley 正在运行并且仍在主持房间，这台设备与主持人在同一个网络（同一个 Wi-Fi，不是访客网络，也没有开 VPN），并且地址与主持人显示的一致。如果这些都没问题，多半是主持人电脑的防火墙挡住了端口 {1}：主持人的窗口里有打开它的命令。',
    'check.ws.notTried': '未尝试：需要先连上服务器。',
    'check.tls.notTriedSecure': '未尝试。如果浏览器对证书发出警告，只有在指纹与主持人显示的一致时才接受。',
    'check.tls.notTried': '未尝试。',
    'check.unreachable': '这台设备连不上服务器。',
    'check.http.ok': '{0} 的服务器有回应。',
    'check.ws.ok': '聊天使用的实时连接正常。',
    'check.ws.fail': '服务器有回应，但实时连接（WebSocket）被阻止或中断了。这台设备或网络上的代理、VPN 或安全软件可能会阻止 WebSocket：请关闭 VPN 或换一个网络再试。来自其他网站（而不是这台服务器）的页面会被有意拒绝。',
    'check.tls.ok': '已加密：浏览器接受了服务器的证书。它的指纹应当与主持人显示的一致。',
    'check.tls.off': '未加密：在家里或办公室没有问题；主持人可以勾选“加密 (TLS)”来开一个加密的房间。',
    'check.good': '一切正常：这台设备可以加入。',
    'check.noChat': '服务器连上了，但聊天无法连接。',
  };

  // The first of the browser's languages that the page speaks; Traditional Chinese is not
  // Simplified, so zh-TW and zh-HK fall through to the next language.
  function pick(languages) {
    for (const language of languages) {
      const tag = String(language).toLowerCase();
      if (tag.startsWith('en')) return 'en';
      if (tag === 'zh' || /^zh-(cn|sg|hans)/.test(tag)) return 'zh-CN';
    }
    return 'en';
  }

  const lang = pick(navigator.languages && navigator.languages.length ? navigator.languages : [navigator.language || 'en']);
  const words = lang === 'zh-CN' ? zh : en;

  // The words of `key`, with {0}, {1}, … replaced by `args` (as text: callers put it in textContent);
  // a hole without an argument stays, for the caller to fill with an element.
  function t(key, ...args) {
    const word = key in words ? words[key] : en[key];
    if (typeof word === 'function') return word(...args);
    return String(word ?? key).replace(/\{(\d)\}/g, (hole, at) => (Number(at) < args.length ? String(args[Number(at)]) : hole));
  }

  // Static words of the page: data-t (text), data-t-placeholder, data-t-title.
  function translate(root) {
    for (const element of root.querySelectorAll('[data-t]')) element.textContent = t(element.dataset.t);
    for (const element of root.querySelectorAll('[data-t-placeholder]')) element.placeholder = t(element.dataset.tPlaceholder);
    for (const element of root.querySelectorAll('[data-t-title]')) element.title = t(element.dataset.tTitle);
  }

  document.documentElement.lang = lang;
  translate(document);
  window.ParleyI18n = { t, lang };
})();
