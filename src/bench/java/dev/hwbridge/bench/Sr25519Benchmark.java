package dev.hwbridge.bench;

import dev.hwbridge.simulator.keys.sr25519.Sr25519;
import dev.hwbridge.simulator.keys.sr25519.Sr25519KeyPair;
import dev.hwbridge.simulator.keys.sr25519.WitnessRng;
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
 * Throughput of the signer's sr25519 core: signing, verifying, and soft derivation of a secret
 * and of a public key. The polkadot-js counterparts are sr25519Sign, sr25519Verify,
 * sr25519DeriveSoft (child secret and its public key) and sr25519DerivePublic.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@State(Scope.Benchmark)
public class Sr25519Benchmark {

    private Sr25519KeyPair pair;
    private byte[] publicKey;
    private byte[] message;
    private byte[] signature;
    private byte[] chainCode;

    @Setup(Level.Trial)
    public void setUp() {
        pair = Sr25519KeyPair.fromMiniSecret(BenchInputs.seed());
        publicKey = pair.publicKey();
        message = BenchInputs.message();
        signature = pair.sign(message, WitnessRng.secure());
        chainCode = BenchInputs.chainCode();
        if (!Sr25519.verify(publicKey, message, signature)) {
            throw new IllegalStateException("the benchmark's own signature must verify");
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        pair.close();
    }

    @Benchmark
    public byte[] sign() {
        return pair.sign(message, WitnessRng.secure());
    }

    @Benchmark
    public boolean verify() {
        return Sr25519.verify(publicKey, message, signature);
    }

    /** The child pair of a soft junction, with its public key, as sr25519DeriveSoft returns it. */
    @Benchmark
    public byte[] deriveSoftSecret() {
        try (Sr25519KeyPair child = pair.deriveSoft(chainCode, WitnessRng.secure())) {
            return child.publicKey();
        }
    }

    @Benchmark
    public byte[] deriveSoftPublic() {
        return Sr25519.derivePublicSoft(publicKey, chainCode);
    }
}
