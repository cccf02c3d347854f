// Verifies signatures made elsewhere (by hwbridge) with polkadot-js, twice: through the generic
// signatureVerify (which detects the scheme) and through the scheme's own verify function.
// Case: {"scheme", "publicKey": 0x…, "message": 0x…, "signature": 0x…}
// Result: {"signatureVerify": bool, "crypto": detected scheme or "none", "schemeVerify": bool}
import { hexToU8a } from '@polkadot/util';
import { ed25519Verify, secp256k1Verify, signatureVerify, sr25519Verify } from '@polkadot/util-crypto';
import { runCases } from './cases.mjs';

const SCHEME_VERIFY = {
  sr25519: (message, signature, publicKey) => sr25519Verify(message, signature, publicKey),
  ed25519: (message, signature, publicKey) => ed25519Verify(message, signature, publicKey),
  // keyring pairs of type ecdsa sign blake2b-256(message); verify must use the same hasher
  ecdsa: (message, signature, publicKey) => secp256k1Verify(message, signature, publicKey, 'blake2')
};

function quietly (verify) {
  try {
    return verify();
  } catch {
    // polkadot-js throws on malformed input (e.g. a wrong length); for us that is "not valid"
    return false;
  }
}

await runCases(async ({ scheme, publicKey, message, signature }) => {
  const verify = SCHEME_VERIFY[scheme];
  if (!verify) {
    throw new Error(`unknown scheme ${scheme}`);
  }
  const msg = hexToU8a(message);
  const sig = hexToU8a(signature);
  const pub = hexToU8a(publicKey);
  const generic = quietly(() => signatureVerify(msg, sig, pub));
  return {
    signatureVerify: generic ? generic.isValid : false,
    crypto: generic ? generic.crypto : 'none',
    schemeVerify: quietly(() => verify(msg, sig, pub))
  };
});
