package dev.hwbridge.simulator.cli;

import dev.hwbridge.protocol.account.KeyScheme;
import dev.hwbridge.protocol.account.Ss58Prefix;
import dev.hwbridge.simulator.keys.KeyPair;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code inspect}: the public key, account id and SS58 address of secret URIs, one JSON line each. */
@Command(name = "inspect", mixinStandardHelpOptions = true,
        description = {"Prints one JSON line per secret URI:",
            "{\"scheme\",\"network\",\"publicKey\",\"accountId\",\"ss58Address\"}.",
            "With --uri-file: one URI a line in, one JSON line out per line in, in order;"
                    + " a blank line is an error."})
final class InspectCommand implements Callable<Integer> {

    @ParentCommand
    private SimulatorMain root;

    @Spec
    private CommandSpec spec;

    @Option(names = "--scheme", defaultValue = "sr25519", paramLabel = "<scheme>",
            description = "sr25519 (default), ed25519 or ecdsa")
    private KeyScheme scheme;

    @Option(names = "--network", defaultValue = "substrate", paramLabel = "<network>",
            description = "polkadot, kusama, substrate (default) or an SS58 prefix number")
    private Ss58Prefix network;

    @Option(names = "--password", paramLabel = "<bip39 password>",
            description = "the BIP39 password, as a ///password at the end of each URI would give it")
    private String password;

    @ArgGroup(exclusive = true, multiplicity = "1")
    private Source source;

    /** Where the secret URIs come from. */
    static final class Source {
        @Parameters(paramLabel = "<uri>", description = "a secret URI: <phrase | 0x seed>[//hard | /soft]…[///password]")
        String uri;

        @Option(names = "--uri-file", paramLabel = "<file>", description = "a file with one secret URI per line")
        Path uriFile;
    }

    @Override
    public Integer call() {
        SecretRedactor redactor = root.redactor();
        redactor.remember(password);
        List<String> lines;
        if (source.uri != null) {
            redactor.remember(source.uri);
            lines = List.of(inspect(source.uri));
        } else {
            lines = SecretUris.mapEach(source.uriFile, redactor, this::inspect);
        }
        Output.lines(spec, lines);
        return ExitCodes.OK;
    }

    private String inspect(String uri) {
        try (KeyPair pair = UriKeys.pair(scheme, uri, password)) {
            return AccountLine.of(scheme, pair.publicKey(), network).toJson();
        }
    }
}
