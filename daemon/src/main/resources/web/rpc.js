// A small JSON-RPC 2.0 client for the daemon's WebSocket (daemon/API.md): calls by id,
// notifications by method, and a reconnect with backoff when the connection drops.

/** An error the daemon answered with: `name` is its stable data.name (see API.md). */
export class RpcError extends Error {
  constructor(code, name, data) {
    super(name);
    this.code = code;
    this.rpcName = name;
    this.data = data ?? {};
  }
}

/** The connection dropped before the answer came; the daemon's own code list has no such name. */
export const DISCONNECTED = "DISCONNECTED";

const FIRST_RETRY_MS = 500;
const LAST_RETRY_MS = 10000;

export class RpcClient {
  #url;
  #socket = null;
  #nextId = 1;
  #pending = new Map();
  #handlers = new Map();
  #stateHandlers = [];
  #retryMs = FIRST_RETRY_MS;

  constructor(url) {
    this.#url = url;
  }

  /** Opens the connection; it is opened again whenever it closes. */
  start() {
    this.#connect();
  }

  /** `handler(params)` runs for every notification named `method`. */
  on(method, handler) {
    this.#handlers.set(method, handler);
  }

  /** `handler(open)` runs whenever the connection opens (true) or closes (false). */
  onConnection(handler) {
    this.#stateHandlers.push(handler);
  }

  /** The result of `method`, or a rejection with an RpcError. */
  call(method, params = {}) {
    const socket = this.#socket;
    if (socket === null || socket.readyState !== WebSocket.OPEN) {
      return Promise.reject(new RpcError(null, DISCONNECTED));
    }
    const id = this.#nextId++;
    return new Promise((resolve, reject) => {
      this.#pending.set(id, { resolve, reject });
      socket.send(JSON.stringify({ jsonrpc: "2.0", id, method, params }));
    });
  }

  #connect() {
    const socket = new WebSocket(this.#url);
    this.#socket = socket;
    socket.addEventListener("open", () => {
      this.#retryMs = FIRST_RETRY_MS;
      this.#stateHandlers.forEach((handler) => handler(true));
    });
    socket.addEventListener("message", (event) => this.#receive(event.data));
    socket.addEventListener("close", () => {
      this.#socket = null;
      const waiting = [...this.#pending.values()];
      this.#pending.clear();
      waiting.forEach(({ reject }) => reject(new RpcError(null, DISCONNECTED)));
      this.#stateHandlers.forEach((handler) => handler(false));
      setTimeout(() => this.#connect(), this.#retryMs);
      this.#retryMs = Math.min(this.#retryMs * 2, LAST_RETRY_MS);
    });
  }

  #receive(text) {
    let message;
    try {
      message = JSON.parse(text);
    } catch {
      return; // the daemon sends only JSON; anything else cannot be matched to a call
    }
    if (message === null || typeof message !== "object") {
      return;
    }
    const waiting = this.#pending.get(message.id);
    if (waiting !== undefined) {
      this.#pending.delete(message.id);
      const error = message.error;
      if (error) {
        waiting.reject(new RpcError(error.code, error.data?.name ?? "UNKNOWN", error.data));
      } else {
        waiting.resolve(message.result);
      }
    } else if (message.id === undefined && typeof message.method === "string") {
      this.#handlers.get(message.method)?.(message.params ?? {});
    }
  }
}
