// A scripted stand-in for the daemon's WebSocket endpoint, for the client's unit tests: answers
// each request with what the test's handler returns, records what arrived, and can drop
// connections or go away and come back on the same port.

import { WebSocketServer } from 'ws';

export class FakeDaemon {
  /** Every request received, in order: {method, params, id}. */
  requests = [];
  /** (request, socket) => {result} | {error} | undefined (no answer). */
  handler = () => ({ result: null });
  #server = null;
  #port = 0;
  #connections = 0;

  /** Starts listening on a free port (or, after stop(), on the same one again). */
  async start () {
    this.#server = new WebSocketServer({ host: '127.0.0.1', port: this.#port });
    await new Promise((resolve, reject) => {
      this.#server.once('listening', resolve);
      this.#server.once('error', reject);
    });
    this.#port = this.#server.address().port;
    this.#server.on('connection', (socket) => {
      this.#connections++;
      socket.on('message', (data) => this.#receive(socket, JSON.parse(data.toString('utf8'))));
    });
    return this;
  }

  get url () {
    return `ws://127.0.0.1:${this.#port}/`;
  }

  /** How many connections were accepted since the start. */
  get connections () {
    return this.#connections;
  }

  /** The open client sockets. */
  get sockets () {
    return this.#server === null ? [] : [...this.#server.clients];
  }

  /** Sends a JSON-RPC notification to every client. */
  notify (method, params) {
    this.sendRaw(JSON.stringify({ jsonrpc: '2.0', method, params }));
  }

  /** Sends text as is to every client. */
  sendRaw (text) {
    for (const socket of this.sockets) {
      socket.send(text);
    }
  }

  /** Drops every connection abruptly, as a crashing daemon would (no close frame). */
  dropAll () {
    for (const socket of this.sockets) {
      socket.terminate();
    }
  }

  /** Stops listening and drops every connection. */
  async stop () {
    if (this.#server === null) {
      return;
    }
    this.dropAll();
    const server = this.#server;
    this.#server = null;
    await new Promise((resolve) => server.close(() => resolve()));
  }

  #receive (socket, message) {
    const requests = Array.isArray(message) ? message : [message];
    const replies = [];
    for (const request of requests) {
      this.requests.push(request);
      const answer = this.handler(request, socket);
      if (answer !== undefined && 'id' in request) {
        replies.push({ jsonrpc: '2.0', id: request.id, ...answer });
      }
    }
    for (const reply of replies) {
      socket.send(JSON.stringify(reply));
    }
  }
}
