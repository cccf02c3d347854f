package dev.hwbridge.simulator.cli;

import dev.hwbridge.protocol.account.Hex;
import dev.hwbridge.simulator.keys.KeyPair;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
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

    @Mixin
    private SchemeOption scheme;

    @Option(names = "--uri-file", required = true, paramLabel = "<file>",
            description = "a file with one secret URI per line")
    private Path uriFile;

    @Mixin
    private MessageOption message;

    @Override
    public Integer call() {
        byte[] bytes = message.bytes();
        Output.lines(spec, SecretUris.mapEach(uriFile, root.redactor(), uri -> {
            try (KeyPair pair = UriKeys.pair(scheme.get(), uri, null)) {
                return Hex.toHex(pair.sign(bytes));
            }
        }));
        return ExitCodes.OK;
    }
}
