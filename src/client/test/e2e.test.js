// End to end: the JS client against the real daemon jar, which talks to the real simulator jar
// over UDP. The test plays the person at the device through the simulator's automation API.

import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { Keyring } from '@polkadot/keyring';
import { u8aToHex, u8aToU8a, u8aWrapBytes, hexToU8a, stringToU8a } from '@polkadot/util';
import {
  cryptoWaitReady, decodeAddress, ed25519Verify, mnemonicGenerate, secp256k1Verify, signatureVerify, sr25519Verify
} from '@polkadot/util-crypto';
import { WebSocket } from 'ws';

import { ErrorCode, HwbridgeClient, HwbridgeError, HwbridgeSigner, autoSession, injectHwbridge } from '../lib/hwbridge.js';
import { newRegistry, remark, signerPayload, signingBytes, transferAllowDeath, transferKeepAlive, POLKADOT_GENESIS } from '../testkit/payloads.js';
import { requireJars, startDaemon, startSimulator } from '../testkit/processes.js';
import { DeviceUser } from '../testkit/user.js';

const TEST_TIMEOUT = 60_000;
const PIN = '2468';

/** The accounts the tests derive and register: name → derive params. */
const ACCOUNTS = {
  polkadot: { name: 'Savings', scheme: 'sr25519', path: '//polkadot//0', ss58Format: 0 },
  kusama: { name: 'Kusama ed25519', scheme: 'ed25519', path: '//kusama', ss58Format: 2 },
  ecdsa: { name: 'ECDSA', scheme: 'ecdsa', path: '//ecdsa//1', ss58Format: 42 },
  soft: { name: 'Soft', scheme: 'sr25519', path: '//polkadot/soft/2', ss58Format: 42, genesisHash: POLKADOT_GENESIS }
};

let simulator;
let daemon;
let client;
let user;
let mnemonic;
let session;
/** name → the account.derive result */
const derived = {};

async function firstDevice (c) {
  const deadline = Date.now() + 20_000;
  while (Date.now() < deadline) {
    const devices = await c.device.list();
    if (devices.length > 0 && devices[0].label !== null) {
      return devices[0];
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('the daemon never saw the simulator');
}

/** Runs a call that needs the user and the user's part side by side; resolves with the call's result. */
async function withUser (call, userPart) {
  const [result] = await Promise.all([call, userPart()]);
  return result;
}

/** Verifies over exactly `message`, without signatureVerify's retry with and without <Bytes>. */
function strictlyValid (scheme, message, signature, address) {
  const accountId = decodeAddress(address);
  switch (scheme) {
    case 'sr25519': return sr25519Verify(message, signature, accountId);
    case 'ed25519': return ed25519Verify(message, signature, accountId);
    case 'ecdsa': return secp256k1Verify(message, signature, accountId, 'blake2');
    default: throw new Error(`unknown scheme ${scheme}`);
  }
}

const SCHEME_BYTE = { ed25519: 0, sr25519: 1, ecdsa: 2 };

before(async () => {
  requireJars();
  await cryptoWaitReady();
  mnemonic = mnemonicGenerate(12);
  simulator = await startSimulator(mnemonic);
  daemon = await startDaemon(simulator.udp);
  user = new DeviceUser(simulator.automation);
  client = new HwbridgeClient({ WebSocket });
  await client.connect(daemon.url);
  const device = await firstDevice(client);
  ({ session } = await client.session.acquire({ device: device.id }));
  for (const [key, params] of Object.entries(ACCOUNTS)) {
    derived[key] = await client.account.derive({ session, ...params });
  }
});

after(async () => {
  client?.close();
  await daemon?.stop();
  await simulator?.stop();
});

describe('device.ping', { timeout: TEST_TIMEOUT }, () => {
  it('reaches the device without a session and returns its echo', async () => {
    const [device] = await client.device.list();
    const other = new HwbridgeClient({ WebSocket });
    await other.connect(daemon.url);
    try {
      assert.deepEqual(await other.device.ping({ device: device.id, data: '0x68776272' }), { data: '0x68776272' });
      assert.deepEqual(await other.device.ping({ device: device.id }), { data: '0x' });
    } finally {
      other.close();
    }
  });
});

describe('accounts derived on the device', { timeout: TEST_TIMEOUT }, () => {
  it('have the addresses @polkadot/keyring derives from the same phrase', () => {
    for (const [key, { scheme, path, ss58Format }] of Object.entries(ACCOUNTS)) {
      const pair = new Keyring({ type: scheme, ss58Format }).addFromUri(`${mnemonic}${path}`);
      assert.equal(derived[key].address, pair.address, `${key} ${scheme} ${path}`);
    }
  });
});

describe('HwbridgeSigner.signPayload', { timeout: TEST_TIMEOUT }, () => {
  const registry = newRegistry();

  async function signConfirmed (payload) {
    const signer = new HwbridgeSigner(client, { session });
    // No metadata proof: the device warns that it signs blind, then shows the hash.
    return withUser(signer.signPayload(payload), async () => {
      await user.confirm('Blind signing');
      return user.confirm('Sign transaction');
    });
  }

  it('signs a balances transfer for an sr25519 account over the bytes @polkadot/types signs', async () => {
    const account = derived.polkadot;
    const payload = signerPayload(registry, {
      address: account.address,
      method: transferKeepAlive(registry, derived.kusama.address, 12_345_678_900n),
      nonce: 7,
      tip: 1_000n,
      blockNumber: 22_000_123
    });
    const { bytes, signed } = signingBytes(payload);
    assert.ok(bytes.length <= 256, 'a transfer payload is signed unhashed');

    const result = await signConfirmed(payload);

    assert.equal(typeof result.id, 'number');
    const signature = hexToU8a(result.signature);
    assert.equal(signature.length, 65);
    assert.equal(signature[0], SCHEME_BYTE.sr25519, 'the MultiSignature scheme byte comes first');
    const verified = signatureVerify(signed, signature, account.address);
    assert.equal(verified.isValid, true);
    assert.equal(verified.crypto, 'sr25519');
    assert.equal(strictlyValid('sr25519', signed, signature.subarray(1), account.address), true);
    const otherPayload = signingBytes({ ...payload, nonce: '0x08' }).signed;
    assert.equal(signatureVerify(otherPayload, signature, account.address).isValid, false);
  });

  it('signs the blake2b-256 of a payload longer than 256 bytes, as @polkadot/types does', async () => {
    const account = derived.kusama;
    const payload = signerPayload(registry, {
      address: account.address,
      method: remark(new Uint8Array(400).map((_, i) => i)),
      nonce: 0,
      blockNumber: 1,
      immortal: true,
      metadataHash: u8aToHex(new Uint8Array(32).fill(0xab))
    });
    const { bytes, signed } = signingBytes(payload);
    assert.ok(bytes.length > 256);
    assert.equal(signed.length, 32);

    const result = await signConfirmed(payload);

    const signature = hexToU8a(result.signature);
    assert.equal(signature[0], SCHEME_BYTE.ed25519);
    assert.equal(signatureVerify(signed, signature, account.address).isValid, true);
    assert.equal(strictlyValid('ed25519', signed, signature.subarray(1), account.address), true);
    assert.equal(signatureVerify(bytes, signature, account.address).isValid, false, 'not the unhashed bytes');
  });

  it('signs for an ecdsa account with scheme byte 2 and a recoverable signature', async () => {
    const account = derived.ecdsa;
    const payload = signerPayload(registry, {
      address: account.address,
      method: transferAllowDeath(registry, derived.polkadot.address, 1n),
      nonce: 1,
      blockNumber: 5_000
    });
    const { signed } = signingBytes(payload);

    const result = await signConfirmed(payload);

    const signature = hexToU8a(result.signature);
    assert.equal(signature.length, 66);
    assert.equal(signature[0], SCHEME_BYTE.ecdsa);
    const verified = signatureVerify(signed, signature, account.address);
    assert.equal(verified.isValid, true);
    assert.equal(verified.crypto, 'ecdsa');
    assert.equal(strictlyValid('ecdsa', signed, signature.subarray(1), account.address), true);
  });

  it('fails with USER_REJECTED when the user rejects on the device', async () => {
    const account = derived.polkadot;
    const payload = signerPayload(registry, {
      address: account.address,
      method: transferKeepAlive(registry, derived.kusama.address, 1n),
      nonce: 9,
      blockNumber: 10
    });
    const signer = new HwbridgeSigner(client, { session });
    const [outcome] = await Promise.allSettled([signer.signPayload(payload),
      user.confirm('Blind signing').then(() => user.reject('Sign transaction'))]);
    assert.equal(outcome.status, 'rejected');
    assert.ok(outcome.reason instanceof HwbridgeError);
    assert.equal(outcome.reason.code, ErrorCode.USER_REJECTED);
    assert.equal(outcome.reason.name, 'USER_REJECTED');
  });

  it('fails with UNKNOWN_ACCOUNT for an address the registry lacks, without asking the user', async () => {
    const stranger = new Keyring({ type: 'sr25519' }).addFromUri('//Stranger').address;
    const payload = signerPayload(registry, {
      address: stranger,
      method: transferKeepAlive(registry, derived.kusama.address, 1n),
      nonce: 0,
      blockNumber: 10
    });
    const signer = new HwbridgeSigner(client, { session });
    await assert.rejects(signer.signPayload(payload), (error) => error instanceof HwbridgeError &&
      error.code === ErrorCode.UNKNOWN_ACCOUNT && error.name === 'UNKNOWN_ACCOUNT');
  });

  it('fails with INVALID_PAYLOAD naming the member at fault', async () => {
    const payload = signerPayload(registry, {
      address: derived.polkadot.address,
      method: transferKeepAlive(registry, derived.kusama.address, 1n),
      nonce: 0,
      blockNumber: 10
    });
    const signer = new HwbridgeSigner(client, { session });
    await assert.rejects(signer.signPayload({ ...payload, genesisHash: '0x1234' }), (error) =>
      error instanceof HwbridgeError && error.code === ErrorCode.INVALID_PAYLOAD &&
      error.data.field === 'signerPayload.genesisHash');
  });
});

describe('HwbridgeSigner.signRaw', { timeout: TEST_TIMEOUT }, () => {
  async function signRawConfirmed (raw) {
    const signer = new HwbridgeSigner(client, { session });
    return withUser(signer.signRaw(raw), () => user.confirm('Sign message'));
  }

  it('signs <Bytes>data</Bytes> and returns the signature without a scheme byte, as the extension does', async () => {
    const account = derived.polkadot;
    const data = u8aToHex(stringToU8a('hwbridge says hello'));

    const result = await signRawConfirmed({ address: account.address, data, type: 'bytes' });

    const signature = hexToU8a(result.signature);
    assert.equal(signature.length, 64);
    assert.equal(signatureVerify(data, signature, account.address).isValid, true, 'unwrapped, as dapps check it');
    assert.equal(signatureVerify(u8aWrapBytes(data), signature, account.address).isValid, true, 'wrapped');
    assert.equal(strictlyValid('sr25519', u8aWrapBytes(data), signature, account.address), true);
    assert.equal(strictlyValid('sr25519', hexToU8a(data), signature, account.address), false, 'never the bare data');
  });

  it('signs text data as its UTF-8 for an ecdsa account', async () => {
    const account = derived.ecdsa;
    const text = 'Sign in to example.org — nonce 42';

    const result = await signRawConfirmed({ address: account.address, data: text, type: 'bytes' });

    const signature = hexToU8a(result.signature);
    assert.equal(signature.length, 65);
    const verified = signatureVerify(text, signature, account.address);
    assert.equal(verified.isValid, true);
    assert.equal(verified.crypto, 'ecdsa');
    assert.equal(strictlyValid('ecdsa', u8aWrapBytes(u8aToU8a(text)), signature, account.address), true);
  });
});

describe('account.exportEncrypted', { timeout: TEST_TIMEOUT }, () => {
  for (const key of ['polkadot', 'kusama']) {
    it(`gives a polkadot-js JSON that @polkadot/keyring imports to the same ${ACCOUNTS[key].scheme} address`, async () => {
      const { scheme, path, ss58Format, name } = ACCOUNTS[key];
      const password = `correct horse ${key}`;

      const json = await withUser(
        client.account.exportEncrypted({ session, scheme, path, password, name, ss58Format }),
        () => user.confirm('Export account'));

      assert.deepEqual(json.encoding.content, ['pkcs8', scheme]);
      const keyring = new Keyring({ type: scheme, ss58Format });
      const pair = keyring.addFromJson(json);
      assert.equal(pair.address, derived[key].address);
      assert.equal(pair.meta.name, name);
      assert.throws(() => pair.decodePkcs8('wrong password'));
      pair.decodePkcs8(password);
      const message = stringToU8a('signed by the imported key');
      assert.equal(signatureVerify(message, pair.sign(message), derived[key].address).isValid, true);
    });
  }
});

describe('injectHwbridge with @polkadot/extension-dapp', { timeout: TEST_TIMEOUT }, () => {
  let dappClient;
  let source;

  before(async () => {
    // The dapp gets the device through its own connection: free it from the tests' session.
    await client.session.release({ session });
  });

  after(async () => {
    await source?.release();
    dappClient?.close();
    const device = await firstDevice(client);
    ({ session } = await client.session.acquire({ device: device.id }));
  });

  it('is found by web3Enable, lists the registry in web3Accounts and signs through web3FromAddress', async () => {
    globalThis.window = globalThis;
    globalThis.document = { readyState: 'complete' };
    dappClient = new HwbridgeClient({ WebSocket });
    source = autoSession(dappClient);
    injectHwbridge({ client: dappClient, session: source, url: daemon.url });
    const dapp = await import('@polkadot/extension-dapp');

    const extensions = await dapp.web3Enable('hwbridge e2e');
    assert.deepEqual(extensions.map((e) => e.name), ['hwbridge']);
    const accounts = await dapp.web3Accounts();
    const registered = await client.account.list();
    // web3Accounts writes every address in its ss58Format (default 42): compare the keys.
    const accountId = (address) => u8aToHex(decodeAddress(address));
    assert.deepEqual(accounts.map((a) => accountId(a.address)), registered.map((r) => accountId(r.address)));
    assert.deepEqual(accounts.map((a) => a.type), registered.map((r) => r.scheme));
    assert.deepEqual(accounts.map((a) => a.meta.name), registered.map((r) => r.name));
    const soft = accounts.find((a) => accountId(a.address) === accountId(derived.soft.address));
    assert.equal(soft.meta.genesisHash, POLKADOT_GENESIS);
    assert.equal(soft.meta.source, 'hwbridge');

    const { signer } = await dapp.web3FromAddress(derived.soft.address);
    const data = u8aToHex(stringToU8a('from a dapp'));
    const result = await withUser(signer.signRaw({ address: derived.soft.address, data, type: 'bytes' }),
      () => user.confirm('Sign message'));
    assert.equal(signatureVerify(data, result.signature, derived.soft.address).isValid, true);
  });
});

describe('backup, wipe, recover, restore', { timeout: TEST_TIMEOUT }, () => {
  it('restores every account after the device was wiped and its phrase typed in again', async () => {
    const before = await client.account.list();
    assert.equal(before.length, Object.keys(ACCOUNTS).length);
    const backup = await client.backup.export({ format: 'hwbridge' });
    assert.equal(backup.format, 'hwbridge-backup');
    assert.deepEqual(backup.accounts.map((a) => a.address), before.map((a) => a.address));

    const wiped = await withUser(client.device.wipe({ session }), () => user.confirm('Erase everything?'));
    assert.equal(wiped.initialized, false);
    assert.deepEqual(wiped.identities, []);
    for (const account of before) {
      await client.account.forget({ address: account.address });
    }
    assert.deepEqual(await client.account.list(), []);

    await assert.rejects(client.backup.restore({ session, document: backup }), (error) =>
      error instanceof HwbridgeError && error.code === ErrorCode.NOT_INITIALIZED && error.data.hint === 'device.recover');

    const prompts = [];
    const stopListening = client.on('device.prompt', (prompt) => prompts.push(prompt));
    const words = mnemonic.split(' ');
    const recovered = await withUser(client.device.recover({ session, wordCount: words.length }), async () => {
      await user.confirm('Recover a seed?');
      for (const [i, word] of words.entries()) {
        await user.type('word', word, `Word ${i + 1} of ${words.length}`);
      }
      await user.type('pin', PIN, 'Choose a PIN');
      await user.type('pin', PIN, 'Confirm the PIN');
    });
    stopListening();
    assert.equal(recovered.initialized, true);
    assert.equal(recovered.locked, false);
    const wordPrompts = prompts.filter((p) => p.kind === 'word');
    assert.deepEqual(wordPrompts.map((p) => p.progress.current), words.map((_, i) => i + 1));
    assert.equal(prompts.filter((p) => p.kind === 'pin').length, 2);
    assert.ok(!JSON.stringify(prompts).includes(mnemonic), 'the phrase never reaches the host');

    const restored = await client.backup.restore({ session, document: backup });

    assert.deepEqual(restored.mismatched, []);
    assert.deepEqual(restored.restored.map((a) => a.address).sort(), before.map((a) => a.address).sort());
    const after = await client.account.list();
    const publicPart = ({ name, address, publicKey, scheme, path, passwordProtected, ss58Format, genesisHash, identity, deviceFingerprint }) =>
      ({ name, address, publicKey, scheme, path, passwordProtected, ss58Format, genesisHash, identity, deviceFingerprint });
    assert.deepEqual(after.map(publicPart).sort(byAddress), before.map(publicPart).sort(byAddress));

    const signer = new HwbridgeSigner(client, { session });
    const data = u8aToHex(stringToU8a('after the restore'));
    const result = await withUser(signer.signRaw({ address: derived.kusama.address, data, type: 'bytes' }),
      () => user.confirm('Sign message'));
    assert.equal(signatureVerify(data, result.signature, derived.kusama.address).isValid, true);
  });
});

function byAddress (a, b) {
  return a.address < b.address ? -1 : a.address > b.address ? 1 : 0;
}
