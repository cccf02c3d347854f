package dev.hwbridge.simulator.cli;

import dev.hwbridge.protocol.account.Ss58Prefix;
import dev.hwbridge.simulator.keystore.DecryptedAccount;
import dev.hwbridge.simulator.keystore.JsonKeystore;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code json-import}: opens a polkadot-js JSON account file and prints its account as {@code inspect} does. */
@Command(name = "json-import", mixinStandardHelpOptions = true,
        description = {"Decrypts a polkadot-js JSON account file (v3, or type [\"none\"]) and prints the"
                + " inspect JSON line of its account; the scheme comes from the file."})
final class JsonImportCommand implements Callable<Integer> {

    static final String FILE_LABEL = "<file>";

    @ParentCommand
    private SimulatorMain root;

    @Spec
    private CommandSpec spec;

    @Option(names = "--password-file", required = true, paramLabel = "<file>",
            description = "the file's password (one trailing line break is ignored)")
    private Path passwordFile;

    @Option(names = "--network", defaultValue = "substrate", paramLabel = "<network>",
            description = "the network of the printed address: polkadot, kusama, substrate (default) or a prefix")
    private Ss58Prefix network;

    @Parameters(paramLabel = FILE_LABEL, description = "the JSON account file")
    private Path file;

    @Override
    public Integer call() {
        SecretRedactor redactor = root.redactor();
        String json = InputFiles.readUtf8(file, "the JSON account file", InputFiles.MAX_JSON_FILE_BYTES);
        String password = PasswordFile.read(passwordFile, redactor);
        byte[] passwordBytes = JsonKeystore.passwordBytes(password);
        String line;
        try (DecryptedAccount account = JsonKeystore.decrypt(json, passwordBytes)) {
            line = AccountLine.of(account.scheme(), ImportedKey.publicKey(account), network).toJson();
        } finally {
            Arrays.fill(passwordBytes, (byte) 0);
        }
        Output.line(spec, line);
        return ExitCodes.OK;
    }
}
