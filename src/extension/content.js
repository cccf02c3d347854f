// hwbridge extension, in the content script's isolated world: relays the page's calls (page.js)
// to the background worker over one port, and its answers back. It lives exactly as long as the
// page, so it is where a rejection is remembered "for the page's lifetime": once the user has
// rejected this page, enable() fails here at once and the user is not asked again until the
// page is reloaded.
(() => {
  const runtime = (globalThis.browser ?? globalThis.chrome).runtime;
  const FROM_PAGE = 'hwbridge-page';
  const TO_PAGE = 'hwbridge-content';
  const target = window.location.origin === 'null' ? '*' : window.location.origin;
  let port = null;
  let rejection = null;
  /** Ids of the calls sent on the current port and not answered yet. */
  const unanswered = new Set();

  function toPage (message) {
    window.postMessage({ source: TO_PAGE, ...message }, target);
  }

  function connected () {
    if (port === null) {
      port = runtime.connect({ name: 'hwbridge-page' });
      port.onMessage.addListener((message) => {
        if (message.id !== undefined) {
          unanswered.delete(message.id);
          if (message.error?.rejected) rejection = message.error;
        }
        toPage(message);
      });
      port.onDisconnect.addListener(() => {
        // The worker was stopped or reloaded: its calls will never be answered, and the next
        // call connects again.
        port = null;
        for (const id of unanswered) {
          toPage({ id, error: { message: 'hwbridge: the extension restarted; try again', code: null, name: 'Error' } });
        }
        unanswered.clear();
      });
    }
    return port;
  }

  window.addEventListener('message', (event) => {
    const data = event.data;
    if (event.source !== window || data === null || typeof data !== 'object' || data.source !== FROM_PAGE) return;
    if (typeof data.id !== 'number' || typeof data.method !== 'string') return;
    if (data.method === 'enable' && rejection !== null) {
      toPage({ id: data.id, error: rejection });
      return;
    }
    const to = connected();
    unanswered.add(data.id);
    to.postMessage({ id: data.id, method: data.method, params: data.params });
  });
})();
