// Unit tests of the client against a scripted fake daemon: requests and replies, error typing,
// notifications, dropped connections and reconnecting, the signer and the injected provider.

import assert from 'node:assert/strict';
import { createServer } from 'node:net';
import { after, afterEach, beforeEach, describe, it } from 'node:test';
import { WebSocket } from 'ws';

import {
  DEFAULT_URL, ErrorCode, HwbridgeClient, HwbridgeError, HwbridgeSigner, NOTIFICATIONS, VERSION, autoSession, injectHwbridge
} from '../lib/hwbridge.js';
import { FakeDaemon } from '../testkit/fakeDaemon.js';

const FAST = { WebSocket, reconnectDelayMs: 10, maxReconnectDelayMs: 40, connectTimeoutMs: 2000 };

let daemon;
let clients = [];

function newClient (options = {}) {
  const client = new HwbridgeClient({ ...FAST, ...options });
  clients.push(client);
  return client;
}

/** Resolves with the event's value the next time `event` fires on `client`. */
function next (client, event) {
  return new Promise((resolve) => {
    const off = client.on(event, (value) => {
      off();
      resolve(value);
    });
  });
}

function isClientError (code) {
  return (error) => error instanceof HwbridgeError && error.code === code &&
    error.name === Object.keys(ErrorCode).find((name) => ErrorCode[name] === code);
}

beforeEach(async () => {
  daemon = await new FakeDaemon().start();
});

afterEach(async () => {
  for (const client of clients) {
    client.close();
  }
  clients = [];
  await daemon.stop();
});

describe('calls', { timeout: 10_000 }, () => {
  it('sends JSON-RPC 2.0 requests with fresh ids and resolves with the result', async () => {
    daemon.handler = (request) => ({ result: { echo: request.method, params: request.params ?? null } });
    const client = newClient();
    await client.connect(daemon.url);

    const first = await client.call('bridge.info');
    const second = await client.call('device.features', { session: 'abc' });

    assert.deepEqual(first, { echo: 'bridge.info', params: null });
    assert.deepEqual(second, { echo: 'device.features', params: { session: 'abc' } });
    assert.equal(daemon.requests[0].jsonrpc, '2.0');
    assert.equal('params' in daemon.requests[0], false, 'no params member when none are given');
    assert.notEqual(daemon.requests[0].id, daemon.requests[1].id);
  });

  it('matches replies that arrive out of order, and batched, to their calls by id', async () => {
    const held = [];
    daemon.handler = (request, socket) => {
      held.push({ request, socket });
      if (held.length === 2) {
        const [a, b] = held;
        // Both replies in one array, the later call first.
        socket.send(JSON.stringify([
          { jsonrpc: '2.0', id: b.request.id, result: b.request.method },
          { jsonrpc: '2.0', id: a.request.id, result: a.request.method }
        ]));
      }
      return undefined;
    };
    const client = newClient();
    await client.connect(daemon.url);

    const results = await Promise.all([client.call('device.list'), client.call('account.list')]);

    assert.deepEqual(results, ['device.list', 'account.list']);
  });

  it('rejects params that are not an object, as the daemon takes params by name only', async () => {
    const client = newClient();
    await client.connect(daemon.url);
    await assert.rejects(client.call('device.list', ['x']), TypeError);
    await assert.rejects(client.call('device.list', null), TypeError);
    await assert.rejects(client.call(''), TypeError);
    assert.equal(daemon.requests.length, 0);
  });

  it('has a wrapper for every method of the API, sending exactly its name and params', async () => {
    const client = newClient();
    await client.connect(daemon.url);
    const wrappers = {
      'bridge.info': client.bridge.info,
      'device.list': client.device.list,
      'device.subscribe': client.device.subscribe,
      'device.features': client.device.features,
      'device.unlock': client.device.unlock,
      'device.setup': client.device.setup,
      'device.recover': client.device.recover,
      'device.wipe': client.device.wipe,
      'device.settings': client.device.settings,
      'session.acquire': client.session.acquire,
      'session.release': client.session.release,
      'account.derive': client.account.derive,
      'account.discover': client.account.discover,
      'account.sign': client.account.sign,
      'account.list': client.account.list,
      'account.forget': client.account.forget,
      'account.exportEncrypted': client.account.exportEncrypted,
      'account.importEncrypted': client.account.importEncrypted,
      'backup.export': client.backup.export,
      'backup.restore': client.backup.restore,
      'chain.addMetadata': client.chain.addMetadata,
      'chain.list': client.chain.list,
      'chain.forget': client.chain.forget,
      'origin.request': client.origin.request,
      'origin.decide': client.origin.decide,
      'origin.list': client.origin.list,
      'origin.revoke': client.origin.revoke
    };
    for (const [method, wrapper] of Object.entries(wrappers)) {
      await wrapper({ marker: method });
    }
    assert.deepEqual(daemon.requests.map((r) => [r.method, r.params]),
      Object.keys(wrappers).map((method) => [method, { marker: method }]));
  });
});

describe('errors', { timeout: 10_000 }, () => {
  it('are HwbridgeErrors with the code, data.name as name, and data', async () => {
    daemon.handler = () => ({
      error: { code: 1013, message: 'the backup is invalid', data: { name: 'INVALID_BACKUP', pointer: '/accounts/2/address' } }
    });
    const client = newClient();
    await client.connect(daemon.url);

    const error = await client.call('backup.restore', { session: 's', document: {} }).catch((e) => e);

    assert.ok(error instanceof HwbridgeError);
    assert.ok(error instanceof Error);
    assert.equal(error.code, ErrorCode.INVALID_BACKUP);
    assert.equal(error.name, 'INVALID_BACKUP');
    assert.equal(error.message, 'the backup is invalid');
    assert.deepEqual(error.data, { name: 'INVALID_BACKUP', pointer: '/accounts/2/address' });
  });

  it('take their name from the code when data has none, and a generic one for an unknown code', async () => {
    const answers = [
      { error: { code: -32601, message: 'no method' } },
      { error: { code: 4242, message: 'new in a later daemon', data: { name: 'SOMETHING_NEW' } } },
      { error: { code: 4243, message: 'new and nameless' } }
    ];
    daemon.handler = () => answers.shift();
    const client = newClient();
    await client.connect(daemon.url);

    const names = [];
    for (let i = 0; i < 3; i++) {
      names.push(await client.call('x').catch((e) => [e.code, e.name, e.data]));
    }

    assert.deepEqual(names, [
      [-32601, 'METHOD_NOT_FOUND', null],
      [4242, 'SOMETHING_NEW', { name: 'SOMETHING_NEW' }],
      [4243, 'HWBRIDGE_ERROR', null]
    ]);
  });

  it('BAD_RESPONSE when a reply has neither result nor error', async () => {
    daemon.handler = () => ({});
    const client = newClient();
    await client.connect(daemon.url);
    await assert.rejects(client.call('device.list'), isClientError(ErrorCode.BAD_RESPONSE));
  });
});

describe('notifications', { timeout: 10_000 }, () => {
  it('reach the handlers registered for their method until removed', async () => {
    const client = newClient();
    await client.connect(daemon.url);
    const prompts = [];
    const ended = [];
    const stopPrompts = client.on('device.prompt', (params) => prompts.push(params));
    client.on('session.ended', (params) => ended.push(params));

    const firstEnded = next(client, 'session.ended');
    daemon.notify('device.prompt', { kind: 'confirm', title: 'Sign transaction' });
    daemon.notify('session.ended', { session: 's1', device: '1', reason: 'stolen' });
    await firstEnded;
    stopPrompts();
    const secondEnded = next(client, 'session.ended');
    daemon.notify('device.prompt', { kind: 'pin' });
    daemon.notify('session.ended', { session: 's2', device: '1', reason: 'detached' });
    await secondEnded;

    assert.deepEqual(prompts, [{ kind: 'confirm', title: 'Sign transaction' }]);
    assert.deepEqual(ended.map((e) => e.session), ['s1', 's2']);
    assert.deepEqual(NOTIFICATIONS, ['device.attached', 'device.detached', 'device.prompt', 'session.ended', 'origin.pending', 'origin.changed']);
  });

  it('frames that are not JSON are ignored and later replies still arrive', async () => {
    const client = newClient();
    await client.connect(daemon.url);
    daemon.sendRaw('not json');
    daemon.sendRaw('[1, null, "x"]');
    assert.equal(await client.call('device.list'), null);
  });
});

describe('connection', { timeout: 10_000 }, () => {
  it('a dropped connection fails the call in flight with CONNECTION_LOST and never sends it again', async () => {
    daemon.handler = (request) => (request.method === 'device.wipe' ? undefined : { result: 'ok' });
    const client = newClient();
    await client.connect(daemon.url);
    const wipeSent = new Promise((resolve) => {
      const original = daemon.handler;
      daemon.handler = (request, socket) => {
        if (request.method === 'device.wipe') {
          resolve();
        }
        return original(request, socket);
      };
    });
    const wipe = client.device.wipe({ session: 's' });
    await wipeSent;
    const disconnected = next(client, 'disconnected');
    const reconnected = next(client, 'connected');

    daemon.dropAll();

    await assert.rejects(wipe, isClientError(ErrorCode.CONNECTION_LOST));
    assert.deepEqual(await disconnected, { code: 1006, reason: '', willReconnect: true });
    assert.deepEqual(await reconnected, { url: daemon.url, reconnected: true });
    assert.equal(await client.call('device.list'), 'ok');
    assert.equal(daemon.requests.filter((r) => r.method === 'device.wipe').length, 1);
    assert.equal(daemon.connections, 2);
  });

  it('calls made while reconnecting fail at once with NOT_CONNECTED', async () => {
    const client = newClient();
    await client.connect(daemon.url);
    const disconnected = next(client, 'disconnected');
    await daemon.stop();
    await disconnected;

    assert.equal(client.state, 'reconnecting');
    await assert.rejects(client.call('device.list'), isClientError(ErrorCode.NOT_CONNECTED));
  });

  it('retries with growing, capped delays until the daemon is back', async () => {
    const attempts = [];
    class RecordingWebSocket extends WebSocket {
      constructor (url) {
        attempts.push(Date.now());
        super(url);
      }
    }
    const client = newClient({ WebSocket: RecordingWebSocket, reconnectDelayMs: 20, maxReconnectDelayMs: 160, random: () => 0.999 });
    await client.connect(daemon.url);
    const disconnected = next(client, 'disconnected');
    await daemon.stop();
    await disconnected;

    await new Promise((resolve) => setTimeout(resolve, 700));
    const reconnected = next(client, 'connected');
    await daemon.start();
    await reconnected;

    const gaps = attempts.slice(1).map((time, i) => time - attempts[i]);
    // Attempt 1 is the first connect; then about 20, 40, 80, 160, 160, … ms apart.
    assert.ok(gaps.length >= 5, `only ${gaps.length} reconnect attempts`);
    assert.ok(gaps[2] > gaps[1] * 1.4, `delays grow: ${gaps}`);
    assert.ok(Math.max(...gaps.slice(1)) < 160 + 150, `delays are capped: ${gaps}`);
    assert.equal(await client.call('device.list'), null);
  });

  it('close() fails the calls in flight with CLIENT_CLOSED and does not reconnect', async () => {
    daemon.handler = () => undefined;
    const client = newClient();
    await client.connect(daemon.url);
    const pending = client.call('device.unlock', { session: 's' });
    await new Promise((resolve) => setTimeout(resolve, 50));
    const disconnected = next(client, 'disconnected');

    client.close();

    await assert.rejects(pending, isClientError(ErrorCode.CLIENT_CLOSED));
    assert.deepEqual(await disconnected, { code: 1000, reason: 'client closed', willReconnect: false });
    await assert.rejects(client.call('device.list'), isClientError(ErrorCode.CLIENT_CLOSED));
    await new Promise((resolve) => setTimeout(resolve, 100));
    assert.equal(daemon.connections, 1);
    assert.equal(client.state, 'closed');
  });

  it('a first connection that cannot be opened fails with CONNECT_FAILED and is not retried', async () => {
    let constructed = 0;
    class CountingWebSocket extends WebSocket {
      constructor (url) {
        constructed++;
        super(url);
      }
    }
    const url = daemon.url;
    await daemon.stop();
    const client = newClient({ WebSocket: CountingWebSocket });

    await assert.rejects(client.connect(url), isClientError(ErrorCode.CONNECT_FAILED));
    await new Promise((resolve) => setTimeout(resolve, 100));
    assert.equal(constructed, 1);
    assert.equal(client.state, 'closed');
  });

  it('without a WebSocket constructor connect fails with CONNECT_FAILED saying what to pass', async () => {
    // The option falls back to the global WebSocket, which Node 20 lacks without a flag (22 has one).
    const descriptor = Object.getOwnPropertyDescriptor(globalThis, 'WebSocket');
    Object.defineProperty(globalThis, 'WebSocket', { value: undefined, configurable: true, writable: true });
    try {
      const client = newClient({ WebSocket: undefined });
      await assert.rejects(client.connect(daemon.url), (error) =>
        isClientError(ErrorCode.CONNECT_FAILED)(error) && /options\.WebSocket/.test(error.message));
    } finally {
      if (descriptor === undefined) {
        delete globalThis.WebSocket;
      } else {
        Object.defineProperty(globalThis, 'WebSocket', descriptor);
      }
    }
  });

  it('connect() again for the same URL joins the attempt in progress; another URL is refused', async () => {
    const client = newClient();
    const first = client.connect(daemon.url);
    const second = client.connect(daemon.url);
    await assert.rejects(client.connect('ws://127.0.0.1:1/'), /already/);
    await Promise.all([first, second]);
    assert.equal(client.connected, true);
    assert.equal(daemon.connections, 1);
    await client.connect(daemon.url);
    assert.equal(client.url, daemon.url);
  });

  it('an attempt that does not open in time fails with CONNECT_FAILED; close() while connecting with CLIENT_CLOSED', async () => {
    // A TCP server that accepts and never answers the WebSocket handshake.
    const sockets = [];
    const silent = createServer((socket) => sockets.push(socket));
    await new Promise((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const url = `ws://127.0.0.1:${silent.address().port}/`;
    try {
      const slow = newClient({ connectTimeoutMs: 150 });
      await assert.rejects(slow.connect(url), isClientError(ErrorCode.CONNECT_FAILED));
      const closing = newClient();
      const attempt = closing.connect(url);
      await new Promise((resolve) => setTimeout(resolve, 50));
      closing.close();
      await assert.rejects(attempt, isClientError(ErrorCode.CLIENT_CLOSED));
      await new Promise((resolve) => setTimeout(resolve, 50));
    } finally {
      sockets.forEach((socket) => socket.destroy());
      await new Promise((resolve) => silent.close(resolve));
    }
  });

  it('the default URL is the daemon default', () => {
    assert.equal(DEFAULT_URL, 'ws://127.0.0.1:21335/');
  });
});

describe('HwbridgeSigner', { timeout: 10_000 }, () => {
  const signature = '0x' + 'ab'.repeat(64);
  beforeEach(() => {
    daemon.handler = (request) => (request.method === 'account.sign'
      ? { result: { signature, multiSignature: '0x01' + signature.slice(2) } }
      : { result: null });
  });

  it('signPayload sends the SignerPayloadJSON by account and returns the MultiSignature', async () => {
    const client = newClient();
    await client.connect(daemon.url);
    const signer = new HwbridgeSigner(client, { session: 'sess' });
    const payload = { address: '5Grw', method: '0x0503', version: 4 };

    const first = await signer.signPayload(payload);
    const second = await signer.signPayload(payload);

    assert.equal(first.signature, '0x01' + signature.slice(2));
    assert.equal(second.id, first.id + 1);
    assert.deepEqual(daemon.requests[0].params, { session: 'sess', address: '5Grw', signerPayload: payload });
  });

  it('signRaw returns the signature without the scheme byte, taking the session from a function', async () => {
    const client = newClient();
    await client.connect(daemon.url);
    let asked = 0;
    const signer = new HwbridgeSigner(client, {
      session: async () => {
        asked++;
        return 'from-fn';
      }
    });
    const raw = { address: '5Grw', data: '0x68656c6c6f', type: 'bytes' };

    const result = await signer.signRaw(raw);

    assert.equal(result.signature, signature);
    assert.equal(asked, 1);
    assert.deepEqual(daemon.requests[0].params, { session: 'from-fn', address: '5Grw', signerPayload: raw });
  });

  it('passes daemon errors through typed', async () => {
    daemon.handler = () => ({ error: { code: 1003, message: 'rejected on the device', data: { name: 'USER_REJECTED' } } });
    const client = newClient();
    await client.connect(daemon.url);
    const signer = new HwbridgeSigner(client, { session: 's' });
    await assert.rejects(signer.signRaw({ address: 'a', data: '0x00', type: 'bytes' }),
      (error) => error instanceof HwbridgeError && error.code === 1003 && error.name === 'USER_REJECTED');
  });

  it('returns the signed extrinsic only when the payload asked for it', async () => {
    daemon.handler = () => ({ result: { signature, multiSignature: '0x01' + signature.slice(2), signedTransaction: '0x2d02' } });
    const client = newClient();
    await client.connect(daemon.url);
    const signer = new HwbridgeSigner(client, { session: 's' });

    const asked = await signer.signPayload({ address: '5Grw', method: '0x0503', withSignedTransaction: true });
    const notAsked = await signer.signPayload({ address: '5Grw', method: '0x0503' });

    assert.equal(asked.signedTransaction, '0x2d02');
    assert.equal('signedTransaction' in notAsked, false);
  });

  it('with an api, gives the daemon its metadata once per runtime before signing for that chain', async () => {
    const client = newClient();
    await client.connect(daemon.url);
    const api = {
      genesisHash: { toHex: () => '0x91b1' },
      runtimeVersion: { specVersion: { toString: () => '2000000' } },
      runtimeMetadata: { version: 15, toHex: () => '0x6d657461' },
      registry: { chainDecimals: [10], chainTokens: ['DOT'] }
    };
    const signer = new HwbridgeSigner(client, { session: 's', api });

    await signer.signPayload({ address: '5Grw', genesisHash: '0x91b1', method: '0x0503' });
    await signer.signPayload({ address: '5Grw', genesisHash: '0x91b1', method: '0x0503' });
    await signer.signPayload({ address: '5Grw', genesisHash: '0xb0a8', method: '0x0503' });

    assert.deepEqual(daemon.requests.map((r) => r.method),
      ['chain.addMetadata', 'account.sign', 'account.sign', 'account.sign']);
    assert.deepEqual(daemon.requests[0].params,
      { genesisHash: '0x91b1', metadata: '0x6d657461', tokenDecimals: 10, tokenSymbol: 'DOT' });
  });

  it('refuses a payload without an address before calling the daemon', async () => {
    const client = newClient();
    await client.connect(daemon.url);
    const signer = new HwbridgeSigner(client, { session: 's' });
    await assert.rejects(signer.signPayload({ method: '0x00' }), TypeError);
    assert.equal(daemon.requests.length, 0);
  });
});

describe('autoSession', { timeout: 10_000 }, () => {
  it('acquires the first device once and unlocks it, again after the session ended or the connection dropped', async () => {
    let sessions = 0;
    daemon.handler = (request) => {
      switch (request.method) {
        case 'device.list': return { result: [{ id: '7', transport: 'udp', label: 'sim', model: 'sim', session: null }] };
        case 'session.acquire': return { result: { session: `s${++sessions}` } };
        default: return { result: {} };
      }
    };
    const client = newClient();
    await client.connect(daemon.url);
    const source = autoSession(client);

    assert.equal(await source(), 's1');
    assert.equal(await source(), 's1');
    const ended = next(client, 'session.ended');
    daemon.notify('session.ended', { session: 's1', device: '7', reason: 'stolen' });
    await ended;
    assert.equal(await source(), 's2');
    const reconnected = next(client, 'connected');
    daemon.dropAll();
    await reconnected;
    assert.equal(await source(), 's3');

    assert.deepEqual(daemon.requests.filter((r) => r.method === 'session.acquire').map((r) => r.params), [
      { device: '7' }, { device: '7' }, { device: '7' }
    ]);
    assert.deepEqual(daemon.requests.filter((r) => r.method === 'device.unlock').map((r) => r.params.session),
      ['s1', 's2', 's3']);
    await source.release();
    assert.deepEqual(daemon.requests.at(-1), { jsonrpc: '2.0', id: daemon.requests.at(-1).id, method: 'session.release', params: { session: 's3' } });
  });

  it('fails with DEVICE_GONE when no device is connected, and tries again next time', async () => {
    let devices = [];
    daemon.handler = (request) => (request.method === 'device.list' ? { result: devices }
      : request.method === 'session.acquire' ? { result: { session: 'late' } } : { result: {} });
    const client = newClient();
    await client.connect(daemon.url);
    const source = autoSession(client, { unlock: false });

    await assert.rejects(source(), (error) => error instanceof HwbridgeError && error.code === ErrorCode.DEVICE_GONE);
    devices = [{ id: '1' }];
    assert.equal(await source(), 'late');
    assert.equal(daemon.requests.some((r) => r.method === 'device.unlock'), false);
  });
});

describe('injectHwbridge', { timeout: 10_000 }, () => {
  const records = [
    { name: 'Savings', address: '14YL', publicKey: '0x9c', scheme: 'sr25519', path: '//polkadot//0', genesisHash: null },
    { name: 'Kusama', address: 'EwTB', publicKey: '0x68', scheme: 'ed25519', path: '//kusama', genesisHash: '0xb0a8' }
  ];

  beforeEach(() => {
    daemon.handler = (request) => (request.method === 'account.list' ? { result: records } : { result: null });
  });

  it('installs an enable() that connects and gives accounts and a signer, as an extension does', async () => {
    const win = {};
    const client = newClient();
    const injected = injectHwbridge({ client, session: 's', url: daemon.url, window: win });

    assert.equal(win.injectedWeb3.hwbridge, injected);
    assert.equal(injected.version, VERSION);
    const { accounts, signer } = await injected.enable('my dapp');
    assert.equal(client.connected, true);
    assert.deepEqual(await accounts.get(), [
      { address: '14YL', genesisHash: null, name: 'Savings', type: 'sr25519' },
      { address: 'EwTB', genesisHash: '0xb0a8', name: 'Kusama', type: 'ed25519' }
    ]);
    assert.ok(signer instanceof HwbridgeSigner);
  });

  it('gives metadata.provide a MetadataDef with rawMetadata to chain.addMetadata, and lists what the daemon holds', async () => {
    daemon.handler = (request) => (request.method === 'chain.list'
      ? { result: [{ genesisHash: '0x91b1', specName: 'polkadot', specVersion: 2000000, ss58Format: 0, metadataHash: '0xdb16', tokenDecimals: 10, tokenSymbol: 'DOT' }] }
      : { result: null });
    const client = newClient();
    const { metadata } = await injectHwbridge({ client, session: 's', url: daemon.url, window: {} }).enable('my dapp');
    const definition = { chain: 'Polkadot', genesisHash: '0x91b1', icon: 'polkadot', ss58Format: 0, specVersion: 2000000,
      tokenDecimals: 10, tokenSymbol: 'DOT', types: {} };

    assert.equal(await metadata.provide(definition), false);
    assert.equal(await metadata.provide({ ...definition, rawMetadata: '0x6d657461' }), true);
    assert.deepEqual(await metadata.get(), [{ genesisHash: '0x91b1', specVersion: 2000000 }]);
    assert.deepEqual(daemon.requests.map((r) => [r.method, r.params]), [
      ['chain.addMetadata', { genesisHash: '0x91b1', metadata: '0x6d657461', tokenDecimals: 10, tokenSymbol: 'DOT' }],
      ['chain.list', undefined]
    ]);
  });

  it('keeps what else is injected and can be refused by authorize', async () => {
    const win = { injectedWeb3: { 'polkadot-js': { version: '1' } } };
    const client = newClient();
    const injected = injectHwbridge({ client, session: 's', url: daemon.url, window: win, name: 'hw', authorize: (origin) => origin === 'good' });

    assert.deepEqual(Object.keys(win.injectedWeb3), ['polkadot-js', 'hw']);
    await assert.rejects(injected.enable('evil'), /not allowed/);
    await assert.rejects(injected.enable(''), /name of the dapp/);
    await injected.enable('good');
  });

  it('accounts.subscribe calls back with the list, then only when it changes, until unsubscribed', async () => {
    const client = newClient();
    const injected = injectHwbridge({ client, session: 's', url: daemon.url, window: {}, pollMs: 20 });
    const { accounts } = await injected.enable('dapp');
    const seen = [];
    const unsubscribe = accounts.subscribe((list) => seen.push(list.map((a) => a.name)));

    await new Promise((resolve) => setTimeout(resolve, 100));
    records.push({ name: 'New', address: '5New', scheme: 'ecdsa', genesisHash: null });
    await new Promise((resolve) => setTimeout(resolve, 100));
    unsubscribe();
    records.pop();
    await new Promise((resolve) => setTimeout(resolve, 100));

    assert.deepEqual(seen, [['Savings', 'Kusama'], ['Savings', 'Kusama', 'New']]);
  });

  it('requires a HwbridgeClient', () => {
    assert.throws(() => injectHwbridge({ client: {}, window: {} }), TypeError);
  });
});

after(() => {
  for (const client of clients) {
    client.close();
  }
});
