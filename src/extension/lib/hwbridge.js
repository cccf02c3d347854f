// hwbridge JavaScript client: the daemon's WebSocket JSON-RPC API (daemon/API.md), a polkadot-js
// Signer backed by it, and an injected provider that @polkadot/extension-dapp finds like an
// extension. A plain ES module with no imports: it runs in a browser as is, and in Node with an
// injected WebSocket constructor (the `ws` package) where there is no global one.

/** The daemon's default WebSocket URL. */
export const DEFAULT_URL = 'ws://127.0.0.1:21335/';

/** This package's version, also what the injected provider reports. */
export const VERSION = '0.1.0';

/**
 * Error codes: the daemon's (daemon/API.md, "Errors") and the client's own (2000 and up), which
 * never come from the daemon. Match on these or on `error.name`, never on the message.
 */
export const ErrorCode = Object.freeze({
  PARSE_ERROR: -32700,
  INVALID_REQUEST: -32600,
  METHOD_NOT_FOUND: -32601,
  INVALID_PARAMS: -32602,
  INTERNAL_ERROR: -32603,
  BUSY: 1000,
  NO_SESSION: 1001,
  DEVICE_GONE: 1002,
  USER_REJECTED: 1003,
  LOCKED: 1004,
  NOT_INITIALIZED: 1005,
  ALREADY_INITIALIZED: 1006,
  TIMEOUT: 1007,
  CANCELLED: 1008,
  PIN_INVALID: 1009,
  WIPED: 1010,
  INVALID_PATH: 1011,
  INVALID_PAYLOAD: 1012,
  INVALID_BACKUP: 1013,
  WRONG_PASSWORD: 1014,
  INVALID_JSON: 1015,
  UNKNOWN_IDENTITY: 1016,
  UNKNOWN_ACCOUNT: 1017,
  DEVICE_ERROR: 1018,
  RATE_LIMITED: 1019,
  METADATA_MISMATCH: 1020,
  BLIND_SIGNING_DISABLED: 1021,
  UNSUPPORTED: 1022,
  ORIGIN_NOT_APPROVED: 1023,
  APP_NOT_OPEN: 1024,
  METADATA_OUTDATED: 1025,
  // The client's own: the connection, not the daemon, ended the call.
  /** The connection dropped while the call was in flight: it may or may not have run. Not retried. */
  CONNECTION_LOST: 2000,
  /** Called while there is no open connection (before connect, or while reconnecting). */
  NOT_CONNECTED: 2001,
  /** `close()` was called. */
  CLIENT_CLOSED: 2002,
  /** The WebSocket could not be opened (refused, timed out, or no WebSocket constructor). */
  CONNECT_FAILED: 2003,
  /** The daemon answered something that is not a JSON-RPC 2.0 reply to the call. */
  BAD_RESPONSE: 2004
});

const NAME_OF_CODE = new Map(Object.entries(ErrorCode).map(([name, code]) => [code, name]));

/** The notifications the daemon sends (daemon/API.md, "Notifications"). */
export const NOTIFICATIONS = Object.freeze(['device.attached', 'device.detached', 'device.prompt', 'session.ended', 'origin.pending', 'origin.changed']);

/**
 * A failed call. `code` is the daemon's numeric error code (or the client's own, 2000 and up),
 * `name` its stable name (`data.name`, e.g. "BUSY"), `data` the error's data object.
 */
export class HwbridgeError extends Error {
  /**
   * @param {number} code
   * @param {string} message
   * @param {object | null} [data]
   */
  constructor (code, message, data = null) {
    super(message);
    this.code = code;
    this.data = data;
    const named = data !== null && typeof data === 'object' && typeof data.name === 'string' ? data.name : null;
    this.name = named ?? NAME_OF_CODE.get(code) ?? 'HWBRIDGE_ERROR';
  }
}

function clientError (code, message, data = null) {
  return new HwbridgeError(code, message, { ...data, name: NAME_OF_CODE.get(code) });
}

/** A handler must not break the client's dispatch loop, nor be swallowed: report it as uncaught. */
function invokeHandler (handler, value) {
  try {
    handler(value);
  } catch (error) {
    queueMicrotask(() => {
      throw error;
    });
  }
}

function messageText (data) {
  if (typeof data === 'string') {
    return data;
  }
  // `ws` in its default mode hands text frames as strings; other WebSockets may give bytes.
  if (data instanceof ArrayBuffer || ArrayBuffer.isView(data)) {
    try {
      return new TextDecoder('utf-8', { fatal: true }).decode(data);
    } catch {
      return null; // Not UTF-8: not a message of the daemon's.
    }
  }
  return null;
}

/**
 * A client for the hwbridge daemon's WebSocket JSON-RPC 2.0 API.
 *
 * Calls are matched to replies by id; notifications go to `on()` handlers. When an open
 * connection drops, every call in flight fails with CONNECTION_LOST (never retried: it may have
 * run), the daemon ends the connection's sessions, and the client reconnects with exponential
 * backoff until `close()`; listen for `connected` to acquire a session again.
 */
export class HwbridgeClient {
  #WebSocket;
  #reconnect;
  #minDelayMs;
  #maxDelayMs;
  #connectTimeoutMs;
  #random;

  #url = null;
  #socket = null;
  /** 'idle' | 'connecting' | 'open' | 'reconnecting' | 'closed' */
  #state = 'idle';
  #everOpened = false;
  #attempt = 0;
  #reconnectTimer = null;
  #nextId = 0;
  #pending = new Map();
  #handlers = new Map();
  /** Those waiting in connect() for the next open: {resolve, reject}. */
  #waiters = [];

  /**
   * @param {object} [options]
   * @param {Function} [options.WebSocket] a WebSocket constructor (default: the global one)
   * @param {boolean} [options.reconnect] reconnect after an open connection drops (default true)
   * @param {number} [options.reconnectDelayMs] first backoff delay (default 250)
   * @param {number} [options.maxReconnectDelayMs] longest backoff delay (default 10000)
   * @param {number} [options.connectTimeoutMs] how long one attempt to open may take (default 10000)
   * @param {() => number} [options.random] jitter source in [0, 1) (default Math.random)
   */
  constructor (options = {}) {
    this.#WebSocket = options.WebSocket ?? globalThis.WebSocket;
    this.#reconnect = options.reconnect ?? true;
    this.#minDelayMs = positive(options.reconnectDelayMs ?? 250, 'reconnectDelayMs');
    this.#maxDelayMs = positive(options.maxReconnectDelayMs ?? 10_000, 'maxReconnectDelayMs');
    this.#connectTimeoutMs = positive(options.connectTimeoutMs ?? 10_000, 'connectTimeoutMs');
    this.#random = options.random ?? Math.random;

    const method = (name) => (params) => this.call(name, params);
    this.bridge = Object.freeze({ info: method('bridge.info') });
    this.device = Object.freeze({
      list: method('device.list'),
      subscribe: method('device.subscribe'),
      ping: method('device.ping'),
      features: method('device.features'),
      unlock: method('device.unlock'),
      setup: method('device.setup'),
      recover: method('device.recover'),
      wipe: method('device.wipe'),
      settings: method('device.settings')
    });
    this.session = Object.freeze({
      acquire: method('session.acquire'),
      release: method('session.release')
    });
    this.account = Object.freeze({
      derive: method('account.derive'),
      discover: method('account.discover'),
      sign: method('account.sign'),
      list: method('account.list'),
      forget: method('account.forget'),
      exportEncrypted: method('account.exportEncrypted'),
      importEncrypted: method('account.importEncrypted')
    });
    this.backup = Object.freeze({
      export: method('backup.export'),
      restore: method('backup.restore')
    });
    this.chain = Object.freeze({
      addMetadata: method('chain.addMetadata'),
      list: method('chain.list'),
      forget: method('chain.forget')
    });
    this.origin = Object.freeze({
      request: method('origin.request'),
      decide: method('origin.decide'),
      list: method('origin.list'),
      revoke: method('origin.revoke')
    });
  }

  /** The URL given to `connect`, or null. */
  get url () {
    return this.#url;
  }

  /** 'idle', 'connecting', 'open', 'reconnecting' or 'closed'. */
  get state () {
    return this.#state;
  }

  /** Whether calls can be sent now. */
  get connected () {
    return this.#state === 'open';
  }

  /**
   * Opens the connection; resolves once it is open. A first connection that cannot be opened
   * rejects with CONNECT_FAILED (no retry); only a connection that was open is reconnected.
   * Called again for the same URL: resolves at once when open, or at the next open while
   * connecting or reconnecting.
   *
   * @param {string} [url]
   * @returns {Promise<void>}
   */
  connect (url = DEFAULT_URL) {
    if (this.#state !== 'idle' && this.#state !== 'closed' && url !== this.#url) {
      return Promise.reject(new Error(`already connected or connecting to ${this.#url}; close() first`));
    }
    if (this.#state === 'open') {
      return Promise.resolve();
    }
    const opened = new Promise((resolve, reject) => this.#waiters.push({ resolve, reject }));
    if (this.#state === 'idle' || this.#state === 'closed') {
      this.#url = url;
      this.#everOpened = false;
      this.#attempt = 0;
      this.#state = 'connecting';
      this.#open();
    }
    return opened;
  }

  /**
   * Calls a method; resolves with its result, rejects with a HwbridgeError.
   *
   * @param {string} method
   * @param {object} [params] by name; omitted means none
   * @returns {Promise<any>}
   */
  call (method, params) {
    if (typeof method !== 'string' || method === '') {
      return Promise.reject(new TypeError('method must be a non-empty string'));
    }
    if (params !== undefined && (params === null || typeof params !== 'object' || Array.isArray(params))) {
      return Promise.reject(new TypeError('params must be an object (the daemon takes params by name)'));
    }
    if (this.#state !== 'open') {
      return Promise.reject(this.#state === 'closed'
        ? clientError(ErrorCode.CLIENT_CLOSED, 'the client was closed')
        : clientError(ErrorCode.NOT_CONNECTED, `not connected to the daemon (${this.#state})`));
    }
    const id = ++this.#nextId;
    const request = { jsonrpc: '2.0', id, method };
    if (params !== undefined) {
      request.params = params;
    }
    const text = JSON.stringify(request);
    return new Promise((resolve, reject) => {
      this.#pending.set(id, { resolve, reject, method });
      try {
        this.#socket.send(text);
      } catch (error) {
        this.#pending.delete(id);
        reject(clientError(ErrorCode.CONNECTION_LOST, `the request could not be sent: ${error?.message ?? error}`));
      }
    });
  }

  /**
   * Listens for a daemon notification ('device.attached', 'device.detached', 'device.prompt',
   * 'session.ended', or any other method name it sends) or a client event: 'connected'
   * ({url, reconnected}) and 'disconnected' ({code, reason, willReconnect}).
   *
   * @returns {() => void} removes the handler
   */
  on (event, handler) {
    if (typeof handler !== 'function') {
      throw new TypeError('handler must be a function');
    }
    let set = this.#handlers.get(event);
    if (set === undefined) {
      set = new Set();
      this.#handlers.set(event, set);
    }
    set.add(handler);
    return () => this.off(event, handler);
  }

  /** Removes a handler added with `on`. */
  off (event, handler) {
    this.#handlers.get(event)?.delete(handler);
  }

  /**
   * Closes the connection and stops reconnecting. Calls in flight fail with CLIENT_CLOSED; the
   * daemon ends this connection's sessions. `connect` may be called again afterwards.
   */
  close () {
    const wasOpen = this.#state === 'open';
    this.#state = 'closed';
    clearTimeout(this.#reconnectTimer);
    this.#reconnectTimer = null;
    const socket = this.#socket;
    this.#socket = null;
    if (socket !== null) {
      detach(socket);
      try {
        socket.close(1000, 'client closed');
      } catch {
        // Closing a socket that never opened may throw in some implementations; it is gone either way.
      }
    }
    this.#failPending(ErrorCode.CLIENT_CLOSED, 'the client was closed');
    this.#settleWaiters(clientError(ErrorCode.CLIENT_CLOSED, 'the client was closed before the connection opened'));
    if (wasOpen) {
      this.#emit('disconnected', { code: 1000, reason: 'client closed', willReconnect: false });
    }
  }

  #open () {
    if (typeof this.#WebSocket !== 'function') {
      this.#state = 'closed';
      this.#settleWaiters(clientError(ErrorCode.CONNECT_FAILED,
        'no WebSocket constructor: pass options.WebSocket (e.g. the `ws` package in Node)'));
      return;
    }
    let socket;
    try {
      socket = new this.#WebSocket(this.#url);
    } catch (error) {
      // A malformed URL: retrying cannot help, so even a reconnect stops here.
      this.#state = 'closed';
      this.#settleWaiters(clientError(ErrorCode.CONNECT_FAILED, `cannot open ${this.#url}: ${error?.message ?? error}`));
      return;
    }
    this.#socket = socket;
    let opened = false;
    const timer = setTimeout(() => {
      if (!opened && this.#socket === socket) {
        // Counted as a failed attempt: the close handler below runs with the usual consequences.
        try {
          socket.close();
        } catch {
          // A socket still CONNECTING may refuse close() in some implementations; onclose still follows.
        }
        onClose({ code: 1006, reason: 'connect timeout' });
      }
    }, this.#connectTimeoutMs);

    const onOpen = () => {
      if (this.#socket !== socket) {
        return;
      }
      opened = true;
      clearTimeout(timer);
      const reconnected = this.#everOpened;
      this.#everOpened = true;
      this.#attempt = 0;
      this.#state = 'open';
      this.#settleWaiters(null);
      this.#emit('connected', { url: this.#url, reconnected });
    };
    const onMessage = (event) => {
      if (this.#socket === socket) {
        this.#receive(event.data);
      }
    };
    const onClose = (event) => {
      if (this.#socket !== socket) {
        return;
      }
      clearTimeout(timer);
      detach(socket);
      this.#socket = null;
      const code = event?.code ?? 1006;
      const reason = event?.reason ?? '';
      this.#failPending(ErrorCode.CONNECTION_LOST,
        'the connection to the daemon closed before it answered; the call may or may not have run',
        { closeCode: code });
      const willReconnect = this.#reconnect && this.#everOpened;
      if (opened) {
        this.#emit('disconnected', { code, reason, willReconnect });
      }
      if (willReconnect) {
        this.#state = 'reconnecting';
        this.#scheduleReconnect();
      } else {
        this.#state = 'closed';
        this.#settleWaiters(clientError(ErrorCode.CONNECT_FAILED, `cannot connect to ${this.#url} (close code ${code})`,
          { closeCode: code }));
      }
    };
    socket.onopen = onOpen;
    socket.onmessage = onMessage;
    socket.onclose = onClose;
    // A failed connection reports 'error' then 'close'; the close handler does the work.
    socket.onerror = ignore;
  }

  #scheduleReconnect () {
    const ceiling = Math.min(this.#maxDelayMs, this.#minDelayMs * 2 ** Math.min(this.#attempt, 30));
    // Jitter in [ceiling/2, ceiling): clients that lost the same daemon do not return in step.
    const delay = ceiling / 2 + this.#random() * ceiling / 2;
    this.#attempt++;
    this.#reconnectTimer = setTimeout(() => {
      this.#reconnectTimer = null;
      if (this.#state === 'reconnecting') {
        this.#open();
      }
    }, delay);
  }

  #receive (data) {
    const text = messageText(data);
    if (text === null) {
      return;
    }
    let message;
    try {
      message = JSON.parse(text);
    } catch {
      return; // The daemon only sends JSON; anything else cannot be matched to a call.
    }
    for (const item of Array.isArray(message) ? message : [message]) {
      this.#dispatch(item);
    }
  }

  #dispatch (item) {
    if (item === null || typeof item !== 'object') {
      return;
    }
    if (typeof item.method === 'string' && !('id' in item)) {
      this.#emit(item.method, item.params);
      return;
    }
    const pending = this.#pending.get(item.id);
    if (pending === undefined) {
      return; // e.g. PARSE_ERROR with id null: it answers no call of ours.
    }
    this.#pending.delete(item.id);
    if (item.error !== undefined && item.error !== null && typeof item.error === 'object') {
      const { code, message, data } = item.error;
      pending.reject(new HwbridgeError(typeof code === 'number' ? code : ErrorCode.BAD_RESPONSE,
        typeof message === 'string' ? message : `${pending.method} failed`,
        data !== null && typeof data === 'object' ? data : null));
    } else if ('result' in item) {
      pending.resolve(item.result);
    } else {
      pending.reject(clientError(ErrorCode.BAD_RESPONSE, `the reply to ${pending.method} has neither result nor error`));
    }
  }

  /** Resolves (error null) or rejects everyone waiting in connect(). */
  #settleWaiters (error) {
    const waiters = this.#waiters;
    this.#waiters = [];
    for (const waiter of waiters) {
      if (error === null) {
        waiter.resolve();
      } else {
        waiter.reject(error);
      }
    }
  }

  #failPending (code, message, data = null) {
    const pending = [...this.#pending.values()];
    this.#pending.clear();
    for (const call of pending) {
      call.reject(clientError(code, `${call.method}: ${message}`, data));
    }
  }

  #emit (event, value) {
    const set = this.#handlers.get(event);
    if (set !== undefined) {
      for (const handler of [...set]) {
        invokeHandler(handler, value);
      }
    }
  }
}

function ignore () {}

function detach (socket) {
  socket.onopen = null;
  socket.onmessage = null;
  socket.onclose = null;
  // Not null: the `ws` package throws an 'error' event that has no listener, and it emits one
  // when a socket still connecting is closed.
  socket.onerror = ignore;
}

function positive (value, name) {
  if (typeof value !== 'number' || !(value > 0) || !Number.isFinite(value)) {
    throw new RangeError(`${name} must be a positive number of milliseconds`);
  }
  return value;
}

/**
 * A session source for the signer and the injected provider: acquires a session on first use
 * (on `options.device`, or the first device the daemon lists), unlocks the device (the user
 * enters the PIN on it, if one is set), and acquires again after the connection dropped or the
 * session ended (taken over, device gone).
 *
 * @param {HwbridgeClient} client
 * @param {object} [options]
 * @param {string} [options.device] a device id; default the first listed
 * @param {boolean} [options.unlock] call device.unlock after acquiring (default true)
 * @returns {(() => Promise<string>) & {release: () => Promise<void>}}
 */
export function autoSession (client, options = {}) {
  const unlock = options.unlock ?? true;
  let current = null;
  const forget = () => {
    current = null;
  };
  client.on('disconnected', forget);
  client.on('session.ended', (params) => {
    current?.then((session) => {
      if (params?.session === session) {
        forget();
      }
    }, () => {});
  });
  const acquire = async () => {
    let device = options.device;
    if (device === undefined) {
      const devices = await client.device.list();
      if (devices.length === 0) {
        throw new HwbridgeError(ErrorCode.DEVICE_GONE, 'no hwbridge device is connected', { name: 'DEVICE_GONE' });
      }
      device = devices[0].id;
    }
    const { session } = await client.session.acquire({ device });
    if (unlock) {
      await client.device.unlock({ session });
    }
    return session;
  };
  const source = () => {
    if (current === null) {
      const attempt = acquire();
      current = attempt;
      attempt.catch(() => {
        if (current === attempt) {
          forget();
        }
      });
    }
    return current;
  };
  source.release = async () => {
    const held = current;
    forget();
    if (held !== null) {
      const session = await held.catch(() => null);
      if (session !== null && client.connected) {
        await client.session.release({ session });
      }
    }
  };
  return source;
}

function sessionSource (session) {
  if (typeof session === 'string') {
    return () => Promise.resolve(session);
  }
  if (typeof session === 'function') {
    return async () => session();
  }
  throw new TypeError('session must be a session id or a function returning one');
}

let nextSignerRequestId = 0;

/**
 * The metadata of an @polkadot/api `ApiPromise`'s runtime as chain.addMetadata takes it, or null
 * when the API does not have it as V15 or later (RFC-0078 needs V15).
 */
function apiMetadata (api) {
  const metadata = api.runtimeMetadata;
  if (metadata === undefined || metadata === null || metadata.version < 15) {
    return null;
  }
  return {
    genesisHash: api.genesisHash.toHex(),
    metadata: metadata.toHex(),
    tokenDecimals: api.registry.chainDecimals[0],
    tokenSymbol: api.registry.chainTokens[0]
  };
}

/**
 * A polkadot-js `Signer` (@polkadot/types `Signer`) whose keys stay on the hwbridge device.
 * Accounts are looked up in the daemon's registry by address (derive them with a name, or
 * restore a backup, first); the user confirms every signature on the device.
 *
 * Given the `api` (an @polkadot/api `ApiPromise`) it signs for, the signer hands that API's
 * metadata to the daemon (chain.addMetadata) before the first transaction of each runtime, so
 * that the device can verify and show the transaction (clear signing, CheckMetadataHash).
 */
export class HwbridgeSigner {
  #client;
  #session;
  #api;
  /** `${genesisHash}-${specVersion}` of the runtimes whose metadata the daemon was given. */
  #registered = new Map();

  /**
   * @param {HwbridgeClient} client
   * @param {{session: string | (() => string | Promise<string>), api?: object}} options the
   *   session to sign in; the ApiPromise whose metadata to register
   */
  constructor (client, { session, api }) {
    if (!(client instanceof HwbridgeClient)) {
      throw new TypeError('client must be a HwbridgeClient');
    }
    this.#client = client;
    this.#session = sessionSource(session);
    this.#api = api ?? null;
  }

  /**
   * Signs a transaction. `signature` is the MultiSignature (scheme byte first), as the
   * polkadot-js extension returns it (ExtrinsicPayload.sign with withType). When the payload
   * asks for it (`withSignedTransaction`, which lets the signer enable CheckMetadataHash), the
   * result also has `signedTransaction`, the whole signed extrinsic, which @polkadot/api submits
   * as it is.
   *
   * @param {object} payload a SignerPayloadJSON
   * @returns {Promise<{id: number, signature: string, signedTransaction?: string}>}
   */
  async signPayload (payload) {
    await this.#registerMetadata(payload);
    const result = await this.#sign(payload);
    const signed = { id: ++nextSignerRequestId, signature: result.multiSignature };
    if (payload.withSignedTransaction === true && typeof result.signedTransaction === 'string') {
      signed.signedTransaction = result.signedTransaction;
    }
    return signed;
  }

  /** Gives the daemon the API's metadata once per runtime, when the payload is for that chain. */
  async #registerMetadata (payload) {
    const api = this.#api;
    if (api === null || payload === null || typeof payload !== 'object'
        || typeof payload.genesisHash !== 'string' || payload.genesisHash !== api.genesisHash.toHex()) {
      return;
    }
    const key = `${payload.genesisHash}-${api.runtimeVersion.specVersion.toString()}`;
    if (!this.#registered.has(key)) {
      const params = apiMetadata(api);
      // A failed registration is not remembered: the next signature tries again.
      const pending = params === null ? Promise.resolve(null) : this.#client.chain.addMetadata(params);
      this.#registered.set(key, pending);
      pending.catch(() => this.#registered.delete(key));
    }
    await this.#registered.get(key);
  }

  /**
   * Signs a message: the device signs `<Bytes>data</Bytes>`. `signature` is the bare signature
   * without a scheme byte, as the polkadot-js extension returns it (pair.sign(u8aWrapBytes(data))).
   *
   * @param {{address: string, data: string, type: 'bytes' | 'payload'}} raw a SignerPayloadRaw
   * @returns {Promise<{id: number, signature: string}>}
   */
  async signRaw (raw) {
    const result = await this.#sign(raw);
    return { id: ++nextSignerRequestId, signature: result.signature };
  }

  async #sign (signerPayload) {
    if (signerPayload === null || typeof signerPayload !== 'object' || typeof signerPayload.address !== 'string') {
      throw new TypeError('the payload must be an object with an address');
    }
    const session = await this.#session();
    return this.#client.account.sign({ session, address: signerPayload.address, signerPayload });
  }
}

function injectedAccount (record) {
  return { address: record.address, genesisHash: record.genesisHash ?? null, name: record.name, type: record.scheme };
}

/**
 * Registers hwbridge as `window.injectedWeb3[name]`, so @polkadot/extension-dapp's web3Enable
 * and web3Accounts find it as they find an extension. `enable(originName)` resolves to
 * `{accounts: {get, subscribe}, metadata: {get, provide}, signer}`: the accounts of the daemon's
 * registry, the chains' metadata it holds (a MetadataDef with `rawMetadata` goes to
 * chain.addMetadata), and a HwbridgeSigner.
 *
 * @param {object} options
 * @param {HwbridgeClient} options.client a client (connected by enable() if it is not yet)
 * @param {string | (() => string | Promise<string>)} [options.session] default: autoSession(client)
 * @param {string} [options.url] what enable() connects to when the client is idle (default DEFAULT_URL)
 * @param {string} [options.name] the key in injectedWeb3 (default 'hwbridge')
 * @param {(originName: string) => boolean | Promise<boolean>} [options.authorize] may refuse a dapp
 * @param {number} [options.pollMs] how often subscribers' lists are refreshed (default 5000)
 * @param {object} [options.window] the object to install on (default globalThis.window or globalThis)
 */
export function injectHwbridge (options) {
  const { client } = options ?? {};
  if (!(client instanceof HwbridgeClient)) {
    throw new TypeError('options.client must be a HwbridgeClient');
  }
  const name = options.name ?? 'hwbridge';
  const url = options.url ?? DEFAULT_URL;
  const pollMs = positive(options.pollMs ?? 5000, 'pollMs');
  const session = options.session ?? autoSession(client);
  const target = options.window ?? globalThis.window ?? globalThis;
  const signer = new HwbridgeSigner(client, { session });
  // While reconnecting, calls fail at once (NOT_CONNECTED) rather than keep a dapp waiting.
  const ensureConnected = async () => {
    if (client.state !== 'open' && client.state !== 'reconnecting') {
      await client.connect(client.url ?? url);
    }
  };

  const metadata = {
    /** The runtimes whose metadata the daemon holds, as extensions list them. */
    get: async () => {
      await ensureConnected();
      return (await client.chain.list()).map(({ genesisHash, specVersion }) => ({ genesisHash, specVersion }));
    },
    /** A MetadataDef: its rawMetadata (V15 or later) goes to the daemon; true once it holds it. */
    provide: async (definition) => {
      if (definition === null || typeof definition !== 'object' || typeof definition.rawMetadata !== 'string') {
        return false;
      }
      await ensureConnected();
      await client.chain.addMetadata({
        genesisHash: definition.genesisHash,
        metadata: definition.rawMetadata,
        tokenDecimals: definition.tokenDecimals,
        tokenSymbol: definition.tokenSymbol
      });
      return true;
    }
  };

  const accounts = {
    get: async () => {
      await ensureConnected();
      return (await client.account.list()).map(injectedAccount);
    },
    subscribe: (callback) => {
      let last = null;
      let stopped = false;
      const refresh = () => {
        accounts.get().then((list) => {
          const text = JSON.stringify(list);
          if (!stopped && text !== last) {
            last = text;
            return callback(list);
          }
          return undefined;
        }).catch(() => {
          // Not connected yet or reconnecting: the next tick or 'connected' refreshes again.
        });
      };
      const offConnected = client.on('connected', refresh);
      const timer = setInterval(refresh, pollMs);
      refresh();
      return () => {
        stopped = true;
        offConnected();
        clearInterval(timer);
      };
    }
  };

  const enable = async (originName) => {
    if (typeof originName !== 'string' || originName === '') {
      throw new Error('enable(originName) needs the name of the dapp');
    }
    if (options.authorize !== undefined && !(await options.authorize(originName))) {
      throw new Error(`hwbridge: ${originName} is not allowed to use hwbridge`);
    }
    await ensureConnected();
    return { accounts, metadata, signer };
  };

  target.injectedWeb3 = target.injectedWeb3 ?? {};
  target.injectedWeb3[name] = { enable, version: VERSION };
  return target.injectedWeb3[name];
}
