package dev.hwbridge.bench;

import dev.hwbridge.simulator.keystore.DecryptedAccount;
import dev.hwbridge.simulator.keystore.JsonKeystore;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Time to open a polkadot-js JSON v3 account file (made by polkadot-js {@code pair.toJson}):
 * scrypt N=2^17, r=8, p=1, then xsalsa20-poly1305 and the pkcs8 body, as polkadot-js
 * {@code createFromJson} + {@code decodePkcs8} do. {@code jsonFile} is relative to the repository root.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@State(Scope.Benchmark)
public class JsonDecryptBenchmark {

    @Param(BenchInputs.JSON_FIXTURE)
    public String jsonFile;

    private String json;
    private byte[] password;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        json = Files.readString(Path.of(jsonFile), StandardCharsets.UTF_8);
        password = JsonKeystore.passwordBytes(BenchInputs.JSON_PASSWORD);
    }

    @Benchmark
    public byte[] decrypt() {
        try (DecryptedAccount account = JsonKeystore.decrypt(json, password)) {
            return account.publicKey();
        }
    }
}
