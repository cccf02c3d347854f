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
 * Throughput of ecdsa (secp256k1) signing and verifying through the signer's {@link KeyPair}
 * seam. The polkadot-js counterparts are secp256k1Sign and secp256k1Verify with the blake2
 * hasher: both sides hash the message with blake2b-256 inside sign and verify.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@State(Scope.Benchmark)
public class EcdsaBenchmark {

    private KeyPair pair;
    private byte[] publicKey;
    private byte[] message;
    private byte[] signature;

    @Setup(Level.Trial)
    public void setUp() {
        pair = Keys.fromSeed(KeyScheme.ECDSA, BenchInputs.seed());
        publicKey = pair.publicKey();
        message = BenchInputs.message();
        signature = pair.sign(message);
        if (!Signatures.verify(KeyScheme.ECDSA, publicKey, message, signature)) {
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
        return Signatures.verify(KeyScheme.ECDSA, publicKey, message, signature);
    }
}
