package dev.hwbridge.bench;

import dev.hwbridge.protocol.account.KeyScheme;
import dev.hwbridge.simulator.keys.KeyPair;
import dev.hwbridge.simulator.keys.Keys;
import dev.hwbridge.simulator.keys.Signatures;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Throughput of RFC 8032 ed25519 signing and verifying through the signer's {@link KeyPair}
 * seam. The polkadot-js counterparts are ed25519Sign and ed25519Verify (their WASM backend,
 * as after cryptoWaitReady).
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@State(Scope.Benchmark)
public class Ed25519Benchmark {

    private KeyPair pair;
    private byte[] publicKey;
    private byte[] message;
    private byte[] signature;

    @Setup(Level.Trial)
    public void setUp() {
        pair = Keys.fromSeed(KeyScheme.ED25519, BenchInputs.seed());
        publicKey = pair.publicKey();
        message = BenchInputs.message();
        signature = pair.sign(message);
        if (!Signatures.verify(KeyScheme.ED25519, publicKey, message, signature)) {
            throw new IllegalStateException("the benchmark's own signature must verify");
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        pair.close();
    }

    @Benchmark
    public byte[] sign() {
        return pair.sign(message);
    }

    @Benchmark
    public boolean verify() {
        return Signatures.verify(KeyScheme.ED25519, publicKey, message, signature);
    }
}
