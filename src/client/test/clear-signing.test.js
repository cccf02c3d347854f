// Clear signing end to end (CheckMetadataHash, RFC-0078): @polkadot/api 16 on real chains'
// metadata (offline, from @polkadot/types-support), the JS client's Signer, the real daemon jar and
// the real simulator jar. The test reads every page the device shows through the simulator's
// automation API, and checks the signed extrinsics with polkadot-js and
// @polkadot-api/merkleize-metadata.

import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { merkleizeMetadata } from '@polkadot-api/merkleize-metadata';
import { Keyring } from '@polkadot/keyring';
import { u8aToHex } from '@polkadot/util';
import { blake2AsU8a, cryptoWaitReady, mnemonicGenerate, signatureVerify } from '@polkadot/util-crypto';
import { WebSocket } from 'ws';

import { ErrorCode, HwbridgeClient, HwbridgeError, HwbridgeSigner } from '../lib/hwbridge.js';
import { CHAINS, offlineApi } from '../testkit/offlineChain.js';
import { requireJars, startDaemon, startSimulator } from '../testkit/processes.js';
import { DeviceUser } from '../testkit/user.js';

const TEST_TIMEOUT = 120_000;
const USDT = 1984;

let simulator;
let daemon;
let client;
let user;
let mnemonic;
let session;
const apis = {};
const accounts = {};

before(async () => {
  requireJars();
  await cryptoWaitReady();
  mnemonic = mnemonicGenerate(12);
  simulator = await startSimulator(mnemonic);
  daemon = await startDaemon(simulator.udp);
  user = new DeviceUser(simulator.automation);
  client = new HwbridgeClient({ WebSocket });
  await client.connect(daemon.url);
  let devices = [];
  while (devices.length === 0 || devices[0].label === null) {
    devices = await client.device.list();
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  ({ session } = await client.session.acquire({ device: devices[0].id }));
  accounts.polkadot = await client.account.derive({ session, scheme: 'sr25519', path: '//polkadot//0', ss58Format: 0, name: 'Polkadot' });
  accounts.kusama = await client.account.derive({ session, scheme: 'ed25519', path: '//kusama', ss58Format: 2, name: 'Kusama' });
  accounts.assetHub = await client.account.derive({ session, scheme: 'sr25519', path: '//assethub', ss58Format: 0, name: 'Asset Hub' });
  for (const chain of Object.keys(CHAINS)) {
    apis[chain] = await offlineApi(chain);
  }
});

after(async () => {
  for (const api of Object.values(apis)) {
    await api.disconnect();
  }
  client?.close();
  await daemon?.stop();
  await simulator?.stop();
});

/** An address of another key of the phrase, in `ss58Format`. */
function destination (path, ss58Format) {
  return new Keyring({ type: 'sr25519', ss58Format }).addFromUri(`${mnemonic}${path}`).address;
}

/** Confirms every page the device shows until the last one, which signs; resolves with them all. */
async function readAndConfirmPages () {
  const pages = [];
  for (;;) {
    const page = await user.confirm();
    pages.push(page);
    if (page.title === 'Sign transaction') {
      return pages;
    }
  }
}

/** Signs `tx` with `withSignedTransaction`, the user reading and confirming every page. */
async function signOnDevice (chain, tx, address, options = {}) {
  const signer = new HwbridgeSigner(client, { session, api: apis[chain] });
  const [signed, pages] = await Promise.all([
    tx.signAsync(address, { signer, nonce: 7, era: 0, withSignedTransaction: true, ...options }),
    readAndConfirmPages()
  ]);
  return { signed, pages };
}

/**
 * polkadot-js's reading of the signed extrinsic: mode 1, and a signature over the signing payload
 * that carries the metadata hash @polkadot-api/merkleize-metadata computes for the chain.
 */
function checkSigned (chain, signed, address) {
  const api = apis[chain];
  const ext = api.createType('Extrinsic', signed.toHex());
  assert.equal(ext.isSigned, true);
  assert.equal(ext.signer.toString(), address);
  assert.equal(ext.mode.toNumber(), 1, 'CheckMetadataHash enabled');
  const { tokenDecimals, tokenSymbol } = CHAINS[chain];
  const digest = u8aToHex(merkleizeMetadata(api.runtimeMetadata.toU8a(), { decimals: tokenDecimals, tokenSymbol }).digest());
  const payload = api.createType('ExtrinsicPayload', {
    method: ext.method.toHex(),
    era: ext.era,
    nonce: ext.nonce,
    tip: ext.tip,
    assetId: ext.assetId,
    mode: 1,
    metadataHash: digest,
    specVersion: api.runtimeVersion.specVersion,
    transactionVersion: api.runtimeVersion.transactionVersion,
    genesisHash: api.genesisHash,
    blockHash: api.genesisHash
  }, { version: 4 }).toU8a({ method: true });
  const message = payload.length > 256 ? blake2AsU8a(payload, 256) : payload;
  assert.equal(signatureVerify(message, ext.signature.toU8a(), address).isValid, true, 'the signature covers the digest');
  return ext;
}

function pageLines (pages, title) {
  return pages.filter((page) => page.title === title).flatMap((page) => page.lines);
}

describe('clear signing with @polkadot/api 16', { timeout: TEST_TIMEOUT }, () => {
  it('a Polkadot transferKeepAlive shows the call, the destination in full and 12.345 DOT', async () => {
    const dest = destination('//dest', 0);
    const tx = apis.polkadot.tx.balances.transferKeepAlive(dest, 123_450_000_000n);

    const { signed, pages } = await signOnDevice('polkadot', tx, accounts.polkadot.address);

    assert.deepEqual(pages.map((page) => page.title),
      ['Chain', 'Account', 'Balances.transfer_keep_alive', 'Transaction', 'Sign transaction']);
    assert.deepEqual(pages[0].lines, ['polkadot', `spec version ${apis.polkadot.runtimeVersion.specVersion}`]);
    assert.equal(pages[1].lines[0], accounts.polkadot.address);
    assert.deepEqual(pageLines(pages, 'Balances.transfer_keep_alive'), [`dest: ${dest}`, 'value: 12.345 DOT']);
    assert.deepEqual(pageLines(pages, 'Transaction'), ['mortality: immortal', 'nonce: 7', 'tip: 0 DOT']);
    const ext = checkSigned('polkadot', signed, accounts.polkadot.address);
    assert.equal(ext.method.toHex(), tx.method.toHex());
  });

  it('a Kusama utility.batchAll of transfers shows every transfer with its KSM amount', async () => {
    const api = apis.kusama;
    const first = destination('//one', 2);
    const second = destination('//two', 2);
    const tx = api.tx.utility.batchAll([
      api.tx.balances.transferKeepAlive(first, 500_000_000_000n),
      api.tx.balances.transferAllowDeath(second, 12_345_000_000_000n)
    ]);

    const { signed, pages } = await signOnDevice('kusama', tx, accounts.kusama.address);

    assert.deepEqual(pageLines(pages, 'Utility.batch_all'), [
      'calls: 2 calls',
      '  call 1: Balances.transfer_keep_alive',
      `    dest: ${first}`,
      '    value: 0.5 KSM',
      '  call 2: Balances.transfer_allow_death',
      `    dest: ${second}`,
      '    value: 12.345 KSM'
    ]);
    assert.equal(pages[1].lines[0], accounts.kusama.address);
    checkSigned('kusama', signed, accounts.kusama.address);
  });

  it('an Asset Hub asset transfer paying its fee in the asset (ChargeAssetTxPayment) shows the asset, never DOT', async () => {
    const api = apis['asset-hub-polkadot'];
    const dest = destination('//merchant', 0);
    const tx = api.tx.assets.transferKeepAlive(USDT, dest, 2_500_000n);
    const assetId = { parents: 0, interior: { X2: [{ PalletInstance: 50 }, { GeneralIndex: USDT }] } };

    const { signed, pages } = await signOnDevice('asset-hub-polkadot', tx, accounts.assetHub.address, { assetId });

    assert.deepEqual(pageLines(pages, 'Assets.transfer_keep_alive'),
      [`id: ${USDT}`, `target: ${dest}`, `amount: 2500000 (asset ${USDT})`]);
    assert.deepEqual(pageLines(pages, 'Transaction'), ['mortality: immortal', 'nonce: 7', 'tip: 0 DOT',
      'fee asset: Location', '  parents: 0', '  interior: X2', '    1: PalletInstance(50)', `    2: GeneralIndex(${USDT})`]);
    const ext = checkSigned('asset-hub-polkadot', signed, accounts.assetHub.address);
    assert.equal(ext.assetId.isSome, true);
  });
});

describe('clear signing refusals', { timeout: TEST_TIMEOUT }, () => {
  /** The SignerPayloadJSON @polkadot/api hands a signer for a Polkadot transfer, mode 1 with `metadataHash`. */
  async function polkadotPayload (metadataHash) {
    const api = apis.polkadot;
    let captured = null;
    const capture = { signPayload: async (payload) => { captured = payload; throw new Error('captured'); } };
    await api.tx.balances.transferKeepAlive(destination('//dest', 0), 1n)
      .signAsync(accounts.polkadot.address, { signer: capture, nonce: 1, era: 0, mode: 1, metadataHash })
      .catch(() => null);
    return captured;
  }

  async function refused (params) {
    const outcome = await client.account.sign({ session, address: accounts.polkadot.address, ...params }).then(
      () => null, (error) => error);
    assert.ok(outcome instanceof HwbridgeError, 'the call failed');
    assert.equal(outcome.code, ErrorCode.METADATA_MISMATCH);
    assert.equal(outcome.name, 'METADATA_MISMATCH');
    const screen = await user.screen();
    assert.notEqual(screen.title, 'Sign transaction', 'nothing was offered for signing');
    assert.equal(screen.input, 'none');
  }

  it('a payload whose metadata hash is not the chain digest is METADATA_MISMATCH and signs nothing', async () => {
    await client.chain.addMetadata({ genesisHash: CHAINS.polkadot.genesisHash, metadata: apis.polkadot.runtimeMetadata.toHex(),
      tokenDecimals: 10, tokenSymbol: 'DOT' });

    await refused({ signerPayload: await polkadotPayload('0x' + '11'.repeat(32)) });
  });

  it('a tampered proof is METADATA_MISMATCH on the device and signs nothing', async () => {
    const api = apis.polkadot;
    const merkleizer = merkleizeMetadata(api.runtimeMetadata.toU8a(), { decimals: 10, tokenSymbol: 'DOT' });
    const signerPayload = await polkadotPayload(u8aToHex(merkleizer.digest()));
    const bytes = api.createType('ExtrinsicPayload', signerPayload, { version: 4 }).toU8a({ method: true });
    const proof = merkleizer.getProofForExtrinsicPayload(bytes);
    proof[Math.floor(proof.length / 2)] ^= 1;

    await refused({ signerPayload, metadataProof: u8aToHex(proof) });
  });
});
