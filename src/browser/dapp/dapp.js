// The test dapp: only the real @polkadot/extension-dapp and @polkadot/api, as a Polkadot site
// uses them (web3Enable, web3Accounts, web3FromAddress, the injector's signer and metadata), on
// Polkadot's real runtime answered offline from @polkadot/types-support. Bundled by esbuild for
// the browser (lib/dapp-server.js); the test drives it through window.dapp.

import { ApiPromise } from '@polkadot/api';
import { web3Accounts, web3Enable, web3FromAddress } from '@polkadot/extension-dapp';
import { stringToHex, u8aToHex, u8aWrapBytes } from '@polkadot/util';
import { blake2AsU8a, cryptoWaitReady, signatureVerify } from '@polkadot/util-crypto';
import metadataHex from '@polkadot/types-support/metadata/v15/polkadot-hex';
import rpc from '@polkadot/types-support/metadata/v15/polkadot-rpc';
import version from '@polkadot/types-support/metadata/v15/polkadot-ver';

const CHAIN = { genesisHash: '0x91b171bb158e2d3848fa23a9f1c25182fb8e20313b2c1eb49219da7a70ce90c3', name: 'Polkadot', ss58Format: 0, tokenDecimals: 10, tokenSymbol: 'DOT' };
const BLOCK_HASH = '0x' + '42'.repeat(32);
const APP_NAME = 'Test dapp';

/** The @polkadot/rpc-provider ProviderInterface, answering the calls ApiPromise makes from fixed data. */
class OfflineProvider {
  get hasSubscriptions () { return false; }
  get isClonable () { return false; }
  get isConnected () { return true; }
  get stats () {
    return { active: { requests: 0, subscriptions: 0 }, total: { bytesRecv: 0, bytesSent: 0, cached: 0, errors: 0, requests: 0, subscriptions: 0, timeout: 0 } };
  }

  clone () { throw new Error('an offline provider is not cloned'); }
  async connect () {}
  async disconnect () {}
  on (type, callback) {
    if (type === 'connected') setTimeout(callback, 0);
    return () => {};
  }

  async send (method, params) {
    switch (method) {
      case 'chain_getBlockHash': return params[0] === 0 ? CHAIN.genesisHash : BLOCK_HASH;
      case 'chain_getFinalizedHead': return BLOCK_HASH;
      case 'chain_getHeader': return { parentHash: CHAIN.genesisHash, number: '0x1000', stateRoot: BLOCK_HASH, extrinsicsRoot: BLOCK_HASH, digest: { logs: [] } };
      case 'state_getRuntimeVersion': return version;
      case 'system_chain': return CHAIN.name;
      case 'system_properties': return { ss58Format: CHAIN.ss58Format, tokenDecimals: [CHAIN.tokenDecimals], tokenSymbol: [CHAIN.tokenSymbol] };
      case 'rpc_methods': return rpc;
      case 'state_call':
        if (params[0] === 'Metadata_metadata_versions') return '0x080e0000000f000000';
        if (params[0] === 'Metadata_metadata_at_version') return metadataHex;
        break;
      case 'system_accountNextIndex': return 0;
      default: break;
    }
    throw new Error(`the offline chain does not answer ${method}`);
  }

  async subscribe () { throw new Error('the offline chain has no subscriptions'); }
  async unsubscribe () { return true; }
}

let api = null;
let lastInjector = null;

async function polkadot () {
  if (api === null) {
    await cryptoWaitReady();
    api = await ApiPromise.create({ provider: new OfflineProvider(), noInitWarn: true, throwOnConnect: true });
  }
  return api;
}

function log (text) {
  document.getElementById('log').textContent += `${text}\n`;
}

window.dapp = {
  /** web3Enable: the names of the wallets that let this site in. */
  async enable () {
    const extensions = await web3Enable(APP_NAME);
    log(`enabled: ${extensions.map((e) => e.name).join(', ') || 'none'}`);
    return extensions.map((e) => e.name);
  },

  /** web3Accounts: {address, name, source} of every account the wallets show this site. */
  async accounts () {
    const accounts = await web3Accounts({ ss58Format: CHAIN.ss58Format });
    log(`accounts: ${accounts.length}`);
    return accounts.map((a) => ({ address: a.address, name: a.meta.name, source: a.meta.source }));
  },

  /** Gives the wallet Polkadot's metadata (injector.metadata.provide), as dapps do for clear signing. */
  async provideMetadata (address) {
    const chain = await polkadot();
    const injector = await web3FromAddress(address);
    return injector.metadata.provide({
      chain: CHAIN.name,
      genesisHash: chain.genesisHash.toHex(),
      icon: 'polkadot',
      ss58Format: CHAIN.ss58Format,
      specVersion: chain.runtimeVersion.specVersion.toNumber(),
      tokenDecimals: CHAIN.tokenDecimals,
      tokenSymbol: CHAIN.tokenSymbol,
      types: {},
      rawMetadata: chain.runtimeMetadata.toHex()
    });
  },

  /**
   * Signs transferKeepAlive(dest, 12.345 DOT) through the wallet's signer with
   * withSignedTransaction, then checks it as polkadot-js reads it: signed by `address`, mode 1
   * (CheckMetadataHash), and a signature over the payload carrying `metadataHash`.
   */
  async signTransfer (address, dest, metadataHash) {
    const chain = await polkadot();
    const injector = await web3FromAddress(address);
    const tx = chain.tx.balances.transferKeepAlive(dest, 123_450_000_000n);
    await tx.signAsync(address, { signer: injector.signer, nonce: 7, era: 0, withSignedTransaction: true });
    const ext = chain.createType('Extrinsic', tx.toHex());
    const payload = chain.createType('ExtrinsicPayload', {
      method: ext.method.toHex(),
      era: ext.era,
      nonce: ext.nonce,
      tip: ext.tip,
      mode: 1,
      metadataHash,
      specVersion: chain.runtimeVersion.specVersion,
      transactionVersion: chain.runtimeVersion.transactionVersion,
      genesisHash: chain.genesisHash,
      blockHash: chain.genesisHash
    }, { version: 4 }).toU8a({ method: true });
    const message = payload.length > 256 ? blake2AsU8a(payload, 256) : payload;
    const verified = signatureVerify(message, ext.signature.toU8a(), address);
    log(`transfer signed: ${verified.isValid}`);
    return {
      isSigned: ext.isSigned,
      signer: ext.signer.toString(),
      mode: ext.mode.toNumber(),
      call: `${ext.method.section}.${ext.method.method}`,
      dest: ext.method.args[0].toString(),
      value: ext.method.args[1].toString(),
      valid: verified.isValid,
      hex: u8aToHex(ext.toU8a())
    };
  },

  /** Signs a message with the wallet's signRaw and checks it as polkadot-js does (the <Bytes> wrapping). */
  async signMessage (address, text, injector = null) {
    await cryptoWaitReady();
    injector = injector ?? await web3FromAddress(address);
    lastInjector = injector;
    const { signature } = await injector.signer.signRaw({ address, data: stringToHex(text), type: 'bytes' });
    const valid = signatureVerify(u8aWrapBytes(text), signature, address).isValid;
    log(`message signed: ${valid}`);
    return { signature, valid };
  },

  /** signMessage with the signer web3FromAddress gave the last time (a dapp keeps it). */
  async signMessageWithKeptSigner (address, text) {
    return window.dapp.signMessage(address, text, lastInjector);
  },

  /** Whatever error a call gives, as text (for the checks of refusals). */
  async attempt (name, ...args) {
    try {
      return { result: await window.dapp[name](...args) };
    } catch (error) {
      return { error: error.message };
    }
  }
};
document.title = 'Test dapp (ready)';
