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
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Throughput of signing and verifying with one scheme through the signer's {@link KeyPair} seam.
 * JMH runs the benchmarks of this class under each subclass's name (Ed25519Benchmark.sign, …),
 * which is what src/bench/js/table.mjs refers to.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public abstract class SignatureBenchmark {

    private final KeyScheme scheme;
    private KeyPair pair;
    private byte[] publicKey;
    private byte[] message;
    private byte[] signature;

    protected SignatureBenchmark(KeyScheme scheme) {
        this.scheme = scheme;
    }

    @Setup(Level.Trial)
    public void setUp() {
        pair = Keys.fromSeed(scheme, BenchInputs.seed());
        publicKey = pair.publicKey();
        message = BenchInputs.message();
        signature = pair.sign(message);
        if (!Signatures.verify(scheme, publicKey, message, signature)) {
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
        return Signatures.verify(scheme, publicKey, message, signature);
    }
}
