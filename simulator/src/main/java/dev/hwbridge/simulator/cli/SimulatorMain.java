package dev.hwbridge.simulator.cli;

import dev.hwbridge.protocol.account.KeyScheme;
import dev.hwbridge.protocol.account.Ss58Prefix;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * The simulator's command line, in the spirit of Substrate's {@code subkey}: inspect secret URIs,
 * sign and verify, export and import polkadot-js JSON v3 account files, and RFC-0078 metadata
 * digests, proofs and the signer's decoding of a payload with its proof. Exit statuses are in
 * {@link ExitCodes}; every error is one line on stderr that never repeats a secret.
 */
@Command(name = "simulator",
        mixinStandardHelpOptions = true,
        version = "hwbridge simulator 0.1.0",
        description = "The hwbridge software signer: keys, signatures and JSON account files as polkadot-js makes them.",
        subcommands = {
            InspectCommand.class,
            SignCommand.class,
            VerifyCommand.class,
            JsonExportCommand.class,
            JsonImportCommand.class,
            MetadataDigestCommand.class,
            MetadataProofCommand.class,
            DecodeCommand.class,
            RunCommand.class
        })
public final class SimulatorMain implements Callable<Integer> {

    private final SecretRedactor redactor = new SecretRedactor();

    @Spec
    private CommandSpec spec;

    public static void main(String[] args) {
        CommandLine commandLine = commandLine();
        // Java 17 writes the platform charset by default; account names and JSON are UTF-8.
        commandLine.setOut(new PrintWriter(new OutputStreamWriter(
                new FileOutputStream(FileDescriptor.out), StandardCharsets.UTF_8), true));
        commandLine.setErr(new PrintWriter(new OutputStreamWriter(
                new FileOutputStream(FileDescriptor.err), StandardCharsets.UTF_8), true));
        System.exit(commandLine.execute(args));
    }

    /** A fresh command line with our converters and error handling; one per run. */
    public static CommandLine commandLine() {
        SimulatorMain root = new SimulatorMain();
        CliErrors errors = new CliErrors(root.redactor);
        CommandLine commandLine = new CommandLine(root);
        commandLine.registerConverter(KeyScheme.class, new SchemeConverter());
        commandLine.registerConverter(Ss58Prefix.class, new NetworkConverter());
        commandLine.setParameterExceptionHandler(errors);
        commandLine.setExecutionExceptionHandler(errors);
        return commandLine;
    }

    SecretRedactor redactor() {
        return redactor;
    }

    @Override
    public Integer call() {
        throw new CliErrors.SafeUsageException(spec.commandLine(),
                "a command is required: inspect, sign, verify, json-export, json-import, metadata-digest, metadata-proof or decode");
    }
}
