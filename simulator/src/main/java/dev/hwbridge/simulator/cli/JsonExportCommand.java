package dev.hwbridge.simulator.cli;

import dev.hwbridge.protocol.account.Ss58Prefix;
import dev.hwbridge.simulator.keys.KeyPair;
import dev.hwbridge.simulator.keystore.JsonKeystore;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code json-export}: the account of one secret URI as a password-encrypted polkadot-js JSON v3 file. */
@Command(name = "json-export", mixinStandardHelpOptions = true,
        description = {"Prints the account of the (one) secret URI in the file as a polkadot-js JSON v3"
                + " file, encrypted with the password (scrypt N=2^17, xsalsa20-poly1305)."})
final class JsonExportCommand implements Callable<Integer> {

    @ParentCommand
    private SimulatorMain root;

    @Spec
    private CommandSpec spec;

    @Mixin
    private SchemeOption scheme;

    @Option(names = "--uri-file", required = true, paramLabel = "<file>",
            description = "a file with exactly one secret URI")
    private Path uriFile;

    @Option(names = "--password-file", required = true, paramLabel = "<file>",
            description = "the file's password (one trailing line break is ignored); must not be empty")
    private Path passwordFile;

    @Option(names = "--name", paramLabel = "<name>", description = "the account name (meta.name)")
    private String name;

    @Option(names = "--network", defaultValue = "substrate", paramLabel = "<network>",
            description = "the network of the file's address: polkadot, kusama, substrate (default) or a prefix")
    private Ss58Prefix network;

    @Override
    public Integer call() {
        SecretRedactor redactor = root.redactor();
        String uri = UriFile.readSingle(uriFile, redactor);
        String password = PasswordFile.read(passwordFile, redactor);
        if (password.isEmpty()) {
            // polkadot-js would write such an account unencrypted; an export here is always encrypted.
            throw new CliInputException("the file of " + PasswordFile.OPTION + " is empty; json-export needs a password");
        }
        byte[] passwordBytes = JsonKeystore.passwordBytes(password);
        String json;
        try (KeyPair pair = wrapLine(() -> UriKeys.pair(scheme.get(), uri, null))) {
            byte[] secret = pair.pkcs8Secret();
            try {
                json = JsonKeystore.export(scheme.get(), secret, pair.publicKey(), passwordBytes, name, network);
            } finally {
                Arrays.fill(secret, (byte) 0);
            }
        } finally {
            Arrays.fill(passwordBytes, (byte) 0);
        }
        Output.line(spec, json);
        return ExitCodes.OK;
    }

    /** Failures of the URI itself are reported against line 1 of the file, like the other commands do. */
    private static KeyPair wrapLine(Supplier<KeyPair> open) {
        try {
            return open.get();
        } catch (RuntimeException e) {
            throw new UriLineException(1, e);
        }
    }
}
