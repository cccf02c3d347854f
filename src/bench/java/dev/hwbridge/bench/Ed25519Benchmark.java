package dev.hwbridge.bench;

import dev.hwbridge.protocol.account.KeyScheme;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * RFC 8032 ed25519 (BouncyCastle). The polkadot-js counterparts are ed25519Sign and ed25519Verify
 * (their WASM backend, as after cryptoWaitReady).
 */
@State(Scope.Benchmark)
public class Ed25519Benchmark extends SignatureBenchmark {

    public Ed25519Benchmark() {
        super(KeyScheme.ED25519);
    }
}
