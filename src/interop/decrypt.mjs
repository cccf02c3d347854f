// Opens JSON v3 account files (made elsewhere, by hwbridge) the way polkadot-js apps and the
// extension restore them: Keyring.addFromJson, then pair.decodePkcs8(password). To show that the
// secret really belongs to the public key, the unlocked pair signs a message and verifies it.
// Case: {"json": {…the file…}, "password": string}
// Result: {"type", "address" (SS58, prefix 42), "publicKey": 0x…, "isLocked": bool, "signs": bool}
import { Keyring } from '@polkadot/keyring';
import { stringToU8a, u8aToHex } from '@polkadot/util';
import { signatureVerify } from '@polkadot/util-crypto';
import { runCases } from './cases.mjs';

const PROBE = stringToU8a('hwbridge interop probe');

await runCases(async ({ json, password }) => {
  const keyring = new Keyring({ ss58Format: 42 });
  const pair = keyring.addFromJson(json);
  pair.decodePkcs8(password);
  const signature = pair.sign(PROBE);
  return {
    type: pair.type,
    address: pair.address,
    publicKey: u8aToHex(pair.publicKey),
    isLocked: pair.isLocked,
    signs: signatureVerify(PROBE, signature, pair.publicKey).isValid
  };
});
