package dev.hwbridge.simulator.cli;

import dev.hwbridge.protocol.account.Hex;
import dev.hwbridge.protocol.account.KeyScheme;
import dev.hwbridge.simulator.keys.KeyPair;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code sign}: signs the message bytes as polkadot-js {@code pair.sign} does (no {@code <Bytes>}
 * wrapping, no hashing beyond the scheme's own), one 0x-hex signature per URI of the file.
 */
@Command(name = "sign", mixinStandardHelpOptions = true,
        description = {"Signs a message with the key of each secret URI in the file and prints the"
                + " signature as 0x-hex, one line per URI, in order.",
            "The bytes are signed as they are, as polkadot-js pair.sign signs them."})
final class SignCommand implements Callable<Integer> {

    @ParentCommand
    private SimulatorMain root;

    @Spec
    private CommandSpec spec;

    @Option(names = "--scheme", required = true, paramLabel = "<scheme>", description = "sr25519, ed25519 or ecdsa")
    private KeyScheme scheme;

    @Option(names = "--uri-file", required = true, paramLabel = "<file>",
            description = "a file with one secret URI per line")
    private Path uriFile;

    @Option(names = "--message-hex", required = true, paramLabel = "<0x…>", description = "the message bytes")
    private String messageHex;

    @Override
    public Integer call() {
        byte[] message = HexArgument.parse(messageHex, "--message-hex");
        Output.lines(spec, SecretUris.mapEach(uriFile, root.redactor(), uri -> {
            try (KeyPair pair = UriKeys.pair(scheme, uri, null)) {
                return Hex.toHex(pair.sign(message));
            }
        }));
        return ExitCodes.OK;
    }
}
