package dev.hwbridge.bench;

import dev.hwbridge.protocol.account.KeyScheme;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * ecdsa over secp256k1. The polkadot-js counterparts are secp256k1Sign and secp256k1Verify with
 * the blake2 hasher: both sides hash the message with blake2b-256 inside sign and verify.
 */
@State(Scope.Benchmark)
public class EcdsaBenchmark extends SignatureBenchmark {

    public EcdsaBenchmark() {
        super(KeyScheme.ECDSA);
    }
}
