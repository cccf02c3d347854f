package dev.hwbridge.bench;

import dev.hwbridge.simulator.keys.sr25519.Sr25519;
import dev.hwbridge.simulator.keys.sr25519.Sr25519KeyPair;
import dev.hwbridge.simulator.keys.sr25519.WitnessRng;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
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
 * and of a public key. Run with {@code org.openjdk.jmh.Main Sr25519}; not part of the tests.
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
        byte[] miniSecret = new byte[32];
        Arrays.fill(miniSecret, (byte) 42);
        pair = Sr25519KeyPair.fromMiniSecret(miniSecret);
        publicKey = pair.publicKey();
        // A typical transaction payload is short; longer ones are hashed to 32 bytes first.
        message = "a 64-byte-ish transaction payload, as a wallet would send it....."
                .getBytes(StandardCharsets.US_ASCII);
        signature = pair.sign(message, WitnessRng.secure());
        chainCode = new byte[32];
        chainCode[0] = 0x10;
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
