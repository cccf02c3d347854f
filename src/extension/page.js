// hwbridge extension, in the page's own JavaScript world: window.injectedWeb3.hwbridge, the
// convention @polkadot/extension-dapp's web3Enable finds wallets by. Every call goes by
// window.postMessage to the extension's content script (content.js), which forwards it to the
// background worker, which alone talks to the daemon. Nothing here is trusted by the extension:
// the page may rewrite all of it.
(() => {
  const VERSION = '0.1.0';
  const TO_CONTENT = 'hwbridge-page';
  const FROM_CONTENT = 'hwbridge-content';
  if (window.injectedWeb3?.hwbridge) return;

  let nextId = 0;
  const pending = new Map();
  const subscribers = new Map();
  // Opaque origins ("null") cannot be named as a target; the message stays in this window anyway.
  const target = window.location.origin === 'null' ? '*' : window.location.origin;

  window.addEventListener('message', (event) => {
    const data = event.data;
    if (event.source !== window || data === null || typeof data !== 'object' || data.source !== FROM_CONTENT) return;
    if (data.subscription !== undefined) {
      subscribers.get(data.subscription)?.(data.accounts);
      return;
    }
    const call = pending.get(data.id);
    if (call === undefined) return;
    pending.delete(data.id);
    if (data.error) {
      const error = new Error(data.error.message);
      error.code = data.error.code;
      error.name = data.error.name ?? 'Error';
      call.reject(error);
    } else {
      call.resolve(data.result);
    }
  });

  function call (method, params) {
    const id = ++nextId;
    // A JSON copy: what crosses to the extension is data, never the page's objects.
    const copy = params === undefined ? undefined : JSON.parse(JSON.stringify(params));
    return new Promise((resolve, reject) => {
      pending.set(id, { resolve, reject });
      window.postMessage({ source: TO_CONTENT, id, method, params: copy }, target);
    });
  }

  const accounts = {
    get: () => call('accounts.get'),
    subscribe: (callback) => {
      let subscription = null;
      let stopped = false;
      call('accounts.subscribe').then((id) => {
        subscription = id;
        if (stopped) {
          call('accounts.unsubscribe', { subscription: id }).catch(() => {});
        } else {
          subscribers.set(id, (list) => callback(list));
        }
      }, (error) => console.error('hwbridge: accounts.subscribe failed:', error.message));
      return () => {
        stopped = true;
        if (subscription !== null) {
          subscribers.delete(subscription);
          call('accounts.unsubscribe', { subscription }).catch(() => {});
        }
      };
    }
  };
  const metadata = {
    get: () => call('metadata.get'),
    provide: (definition) => call('metadata.provide', definition)
  };
  const signer = {
    signPayload: (payload) => call('signer.signPayload', payload),
    signRaw: (raw) => call('signer.signRaw', raw)
  };

  async function enable (originName) {
    await call('enable', { appName: String(originName ?? '') });
    return { accounts, metadata, signer };
  }

  window.injectedWeb3 = window.injectedWeb3 || {};
  window.injectedWeb3.hwbridge = Object.freeze({ version: VERSION, enable });
})();
