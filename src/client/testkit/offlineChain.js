// A chain for @polkadot/api without a network: a provider that answers the few RPC calls
// ApiPromise makes to start and to sign, from the real runtime data @polkadot/types-support ships
// (V15 metadata, as the runtime call Metadata_metadata_at_version gives it; runtime version; RPC list).

import { ApiPromise } from '@polkadot/api';

/** The chains of the end-to-end tests: their genesis hashes, names and tokens. */
export const CHAINS = Object.freeze({
  polkadot: { genesisHash: '0x91b171bb158e2d3848fa23a9f1c25182fb8e20313b2c1eb49219da7a70ce90c3', name: 'Polkadot', ss58Format: 0, tokenDecimals: 10, tokenSymbol: 'DOT' },
  kusama: { genesisHash: '0xb0a8d493285c2df73290dfb7e61f870f17b41801197a149ca93654499ea3dafe', name: 'Kusama', ss58Format: 2, tokenDecimals: 12, tokenSymbol: 'KSM' },
  'asset-hub-polkadot': { genesisHash: '0x68d56f15f85d3136970ec16946040bc1752654e906147f7e43e9d539d7c3de2f', name: 'Polkadot Asset Hub', ss58Format: 0, tokenDecimals: 10, tokenSymbol: 'DOT' }
});

const BLOCK_HASH = '0x' + '42'.repeat(32);

/** The Option-wrapped V15 metadata of a chain, as 0x-hex. */
export async function metadataHex (chain) {
  return (await import(`@polkadot/types-support/metadata/v15/${chain}-hex`)).default;
}

/** An ApiPromise on `chain` (a key of CHAINS), answered offline. */
export async function offlineApi (chain) {
  const provider = new OfflineProvider(CHAINS[chain], {
    metadata: await metadataHex(chain),
    version: (await import(`@polkadot/types-support/metadata/v15/${chain}-ver`)).default,
    rpc: (await import(`@polkadot/types-support/metadata/v15/${chain}-rpc`)).default
  });
  return ApiPromise.create({ provider, noInitWarn: true, throwOnConnect: true });
}

/** The @polkadot/rpc-provider ProviderInterface, answering from fixed data. */
class OfflineProvider {
  #chain;
  #data;

  constructor (chain, data) {
    this.#chain = chain;
    this.#data = data;
  }

  get hasSubscriptions () {
    return false;
  }

  get isClonable () {
    return false;
  }

  get isConnected () {
    return true;
  }

  get stats () {
    return { active: { requests: 0, subscriptions: 0 }, total: { bytesRecv: 0, bytesSent: 0, cached: 0, errors: 0, requests: 0, subscriptions: 0, timeout: 0 } };
  }

  clone () {
    throw new Error('an offline provider is not cloned');
  }

  async connect () {}

  async disconnect () {}

  on (type, callback) {
    if (type === 'connected') {
      setTimeout(callback, 0);
    }
    return () => {};
  }

  async send (method, params) {
    switch (method) {
      case 'chain_getBlockHash':
        return params[0] === 0 ? this.#chain.genesisHash : BLOCK_HASH;
      case 'chain_getFinalizedHead':
        return BLOCK_HASH;
      case 'chain_getHeader':
        return { parentHash: this.#chain.genesisHash, number: '0x1000', stateRoot: BLOCK_HASH, extrinsicsRoot: BLOCK_HASH, digest: { logs: [] } };
      case 'state_getRuntimeVersion':
        return this.#data.version;
      case 'system_chain':
        return this.#chain.name;
      case 'system_properties':
        return { ss58Format: this.#chain.ss58Format, tokenDecimals: [this.#chain.tokenDecimals], tokenSymbol: [this.#chain.tokenSymbol] };
      case 'rpc_methods':
        return this.#data.rpc;
      case 'state_call':
        if (params[0] === 'Metadata_metadata_versions') {
          return '0x080e0000000f000000';
        }
        if (params[0] === 'Metadata_metadata_at_version') {
          return this.#data.metadata;
        }
        break;
      case 'system_accountNextIndex':
        return 0;
      default:
        break;
    }
    throw new Error(`the offline chain does not answer ${method}`);
  }

  async subscribe () {
    throw new Error('the offline chain has no subscriptions');
  }

  async unsubscribe () {
    return true;
  }
}
