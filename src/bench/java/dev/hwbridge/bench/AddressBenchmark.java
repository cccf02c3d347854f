package dev.hwbridge.bench;

import dev.hwbridge.protocol.account.AccountId;
import dev.hwbridge.protocol.account.KeyScheme;
import dev.hwbridge.protocol.account.Ss58;
import dev.hwbridge.protocol.account.Ss58Prefix;
import dev.hwbridge.simulator.keys.KeyPair;
import dev.hwbridge.simulator.keys.Keys;
import dev.hwbridge.simulator.keys.SecretUri;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Addresses from one phrase: {@code <phrase>//polkadot//i} for i below {@code count}, each to its
 * SS58 address (prefix 0). Per address this does what polkadot-js {@code Keyring.addFromUri} does:
 * parse the URI, validate the phrase, PBKDF2 its mini-secret (2048 rounds of HMAC-SHA512), expand
 * the sr25519 root, derive both hard junctions, encode the address. One operation is the whole
 * batch; addresses per second = score × count.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@State(Scope.Benchmark)
public class AddressBenchmark {

    @Param("1000")
    public int count;

    private List<String> uris;

    @Setup(Level.Trial)
    public void setUp() {
        uris = IntStream.range(0, count).mapToObj(i -> BenchInputs.PHRASE + "//polkadot//" + i).toList();
    }

    @Benchmark
    public void addresses(Blackhole sink) {
        for (String uri : uris) {
            try (SecretUri parsed = SecretUri.parse(uri); KeyPair pair = Keys.fromUri(KeyScheme.SR25519, parsed)) {
                sink.consume(Ss58.encode(AccountId.of(KeyScheme.SR25519, pair.publicKey()), Ss58Prefix.POLKADOT));
            }
        }
    }
}
