// hwbridge extension, background worker: the one WebSocket to the daemon. It calls the daemon
// for each page with the page's origin as the browser reports it (params.pageOrigin), asks the
// user to approve a page the first time it enables hwbridge (origin.request), and answers the
// popup. lib/hwbridge.js is the JavaScript client of src/client, copied (an extension may load
// only its own files).
import { DEFAULT_URL, ErrorCode, HwbridgeClient, HwbridgeSigner, autoSession } from './lib/hwbridge.js';

const extensionApi = globalThis.browser ?? globalThis.chrome;
const DEFAULT_PORT = 21335;
const RETRY_MS = 2000;
/** How often a page's account subscription is refreshed. */
const ACCOUNTS_POLL_MS = 2000;
/** Calls one page may have waiting here; more are refused before they reach the daemon. */
const MAX_QUEUED_PER_PAGE = 16;

/** How often the daemon is pinged while pages are connected (Chromium stops a worker idle for 30 s). */
const KEEPALIVE_MS = 20000;

const shared = new HwbridgeClient({ reconnect: true });
/** Pages with an open port: while there are any, the worker keeps itself (and its connection) alive. */
let openPages = 0;
const status = { url: DEFAULT_URL, port: DEFAULT_PORT, error: null, approved: [], pending: [] };
let connecting = null;

/**
 * The daemon as one page sees it: every call carries the page's origin, and only the
 * notifications meant for that page (or for no page) reach it. A HwbridgeClient, so the client
 * library's session source and signer work on it unchanged.
 */
class PageClient extends HwbridgeClient {
  #origin;

  constructor (origin) {
    super({ reconnect: false });
    this.#origin = origin;
  }

  get state () {
    return shared.state;
  }

  get connected () {
    return shared.connected;
  }

  get url () {
    return shared.url;
  }

  connect () {
    return ensureConnected();
  }

  call (method, params) {
    return shared.call(method, { ...(params ?? {}), pageOrigin: this.#origin });
  }

  on (event, handler) {
    return shared.on(event, (value) => {
      if (value !== null && typeof value === 'object' && 'pageOrigin' in value && value.pageOrigin !== this.#origin) return;
      handler(value);
    });
  }
}

/** Per origin: its client, session and signer, shared by its tabs (the daemon's sessions are per origin). */
const origins = new Map();

function originState (origin) {
  let state = origins.get(origin);
  if (state === undefined) {
    const client = new PageClient(origin);
    const session = autoSession(client);
    state = { client, session, signer: new HwbridgeSigner(client, { session }) };
    origins.set(origin, state);
  }
  return state;
}

/** Forgets an origin's session: it was revoked, or its session is gone. */
function resetOrigin (origin) {
  origins.delete(origin);
}

function ensureConnected () {
  if (shared.connected) return Promise.resolve();
  if (connecting === null) {
    connecting = shared.connect(status.url).then(() => {
      status.error = null;
    }, (error) => {
      status.error = error.message;
      throw error;
    }).finally(() => {
      connecting = null;
    });
  }
  return connecting;
}

/** Keeps trying to connect while the daemon is away (or refuses this extension's origin until approved). */
function keepConnected () {
  ensureConnected().catch(() => setTimeout(keepConnected, RETRY_MS));
}

async function refreshOrigins () {
  const list = await shared.origin.list();
  status.approved = list.approved;
  status.pending = list.pending;
  const waiting = list.pending.length;
  extensionApi.action.setBadgeText({ text: waiting === 0 ? '' : String(waiting) });
}

shared.on('connected', () => {
  refreshOrigins().catch((error) => {
    status.error = error.message;
  });
});
shared.on('disconnected', ({ willReconnect }) => {
  origins.clear();
  if (!willReconnect) setTimeout(keepConnected, RETRY_MS);
});
for (const event of ['origin.pending', 'origin.changed']) {
  shared.on(event, (params) => {
    if (event === 'origin.changed' && params.state !== 'approved') resetOrigin(params.origin);
    refreshOrigins().catch(() => {});
  });
}

async function loadSettings () {
  const stored = await extensionApi.storage.local.get('port');
  const port = Number(stored.port ?? DEFAULT_PORT);
  status.port = port;
  status.url = `ws://127.0.0.1:${port}/`;
}

const ready = loadSettings().then(keepConnected);

function errorOf (error) {
  return {
    message: error?.message ?? String(error),
    code: typeof error?.code === 'number' ? error.code : null,
    name: typeof error?.name === 'string' ? error.name : 'Error'
  };
}

function injectedAccount (record) {
  return { address: record.address, genesisHash: record.genesisHash ?? null, name: record.name, type: record.scheme };
}

async function accountsOf (origin) {
  try {
    return (await originState(origin).client.account.list()).map(injectedAccount);
  } catch (error) {
    // Not approved, or revoked: the page sees no accounts.
    if (error?.code === ErrorCode.ORIGIN_NOT_APPROVED) return [];
    throw error;
  }
}

/** Signs, once more on a new session when the page's one ended (revoked and approved again, device taken over). */
async function signing (origin, sign) {
  try {
    return await sign(originState(origin).signer);
  } catch (error) {
    if (error?.code !== ErrorCode.NO_SESSION) throw error;
    resetOrigin(origin);
    return sign(originState(origin).signer);
  }
}

/** One page's call (page.js): the injected API's methods. */
async function handle (page, method, params) {
  const origin = page.origin;
  await ready;
  await ensureConnected();
  switch (method) {
    case 'enable': {
      const { approved } = await shared.origin.request({ origin, appName: params?.appName ?? '', pageOrigin: origin });
      if (!approved) {
        throw Object.assign(new Error(`the user rejected ${origin}'s request to use hwbridge`),
          { code: ErrorCode.ORIGIN_NOT_APPROVED, name: 'ORIGIN_NOT_APPROVED', rejected: true });
      }
      return true;
    }
    case 'accounts.get':
      return accountsOf(origin);
    case 'accounts.subscribe': {
      const id = ++page.nextSubscription;
      let last = null;
      const refresh = () => accountsOf(origin).then((list) => {
        const text = JSON.stringify(list);
        if (text !== last && page.subscriptions.has(id)) {
          last = text;
          page.port.postMessage({ subscription: id, accounts: list });
        }
      }, () => {});
      page.subscriptions.set(id, setInterval(refresh, ACCOUNTS_POLL_MS));
      setTimeout(refresh, 0);
      return id;
    }
    case 'accounts.unsubscribe':
      clearInterval(page.subscriptions.get(params?.subscription));
      page.subscriptions.delete(params?.subscription);
      return true;
    case 'signer.signPayload':
      return signing(origin, (signer) => signer.signPayload(params));
    case 'signer.signRaw':
      return signing(origin, (signer) => signer.signRaw(params));
    case 'metadata.get':
      return (await originState(origin).client.chain.list())
        .map(({ genesisHash, specVersion }) => ({ genesisHash, specVersion }));
    case 'metadata.provide': {
      if (params === null || typeof params !== 'object' || typeof params.rawMetadata !== 'string') return false;
      await originState(origin).client.chain.addMetadata({
        genesisHash: params.genesisHash,
        metadata: params.rawMetadata,
        tokenDecimals: params.tokenDecimals,
        tokenSymbol: params.tokenSymbol
      });
      return true;
    }
    default:
      throw new Error(`hwbridge: no such call: ${method}`);
  }
}

/** The page's origin as the browser reports it (never what the page says). */
function originOfSender (sender) {
  if (typeof sender.origin === 'string' && sender.origin !== 'null') return sender.origin;
  return new URL(sender.url).origin;
}

extensionApi.runtime.onConnect.addListener((port) => {
  if (port.name !== 'hwbridge-page' || port.sender?.tab === undefined) {
    port.disconnect();
    return;
  }
  const page = { origin: originOfSender(port.sender), port, subscriptions: new Map(), nextSubscription: 0, queued: 0 };
  openPages++;
  port.onMessage.addListener((message) => {
    if (page.queued >= MAX_QUEUED_PER_PAGE) {
      port.postMessage({ id: message.id, error: { message: 'too many calls at once from this page', code: ErrorCode.RATE_LIMITED, name: 'RATE_LIMITED' } });
      return;
    }
    page.queued++;
    handle(page, message.method, message.params).then((result) => {
      port.postMessage({ id: message.id, result });
    }, (error) => {
      port.postMessage({ id: message.id, error: { ...errorOf(error), rejected: error?.rejected === true } });
    }).finally(() => {
      page.queued--;
    });
  });
  port.onDisconnect.addListener(() => {
    openPages--;
    for (const timer of page.subscriptions.values()) clearInterval(timer);
    page.subscriptions.clear();
  });
});

/** The popup's calls: only from the extension's own pages, never from a content script. */
async function handlePopup (message) {
  await ready;
  switch (message.popup) {
    case 'status': {
      let devices = [];
      if (shared.connected) {
        devices = await shared.device.list().catch(() => []);
        await refreshOrigins().catch(() => {});
      }
      return { connected: shared.connected, url: status.url, port: status.port, error: status.error,
        devices, approved: status.approved, pending: status.pending };
    }
    case 'setPort': {
      const port = Number(message.port);
      if (!Number.isInteger(port) || port < 1 || port > 65535) throw new Error('a port is 1 to 65535');
      await extensionApi.storage.local.set({ port });
      await loadSettings();
      shared.close();
      origins.clear();
      keepConnected();
      return true;
    }
    case 'decide':
      await shared.origin.decide({ origin: message.origin, approve: message.approve === true });
      return true;
    case 'revoke':
      return shared.origin.revoke({ origin: message.origin });
    default:
      throw new Error(`no such popup call: ${message.popup}`);
  }
}

extensionApi.runtime.onMessage.addListener((message, sender, sendResponse) => {
  // The popup (also when opened in a tab); a content script's sender.url is its web page's.
  const ownPage = sender.id === extensionApi.runtime.id
    && typeof sender.url === 'string' && sender.url.startsWith(extensionApi.runtime.getURL(''));
  if (!ownPage || message === null || typeof message !== 'object' || typeof message.popup !== 'string') return false;
  handlePopup(message).then((result) => sendResponse({ result }), (error) => sendResponse({ error: errorOf(error) }));
  return true;
});

// A message on the WebSocket counts as activity for Chromium: a page waiting for the user's
// approval or a signature must not lose the worker, its connection and so its session.
setInterval(() => {
  if (openPages > 0 && shared.connected) shared.bridge.info().catch(() => {});
}, KEEPALIVE_MS);
