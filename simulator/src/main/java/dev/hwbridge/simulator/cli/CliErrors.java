package dev.hwbridge.simulator.cli;

import dev.hwbridge.protocol.account.FormatException;
import dev.hwbridge.protocol.metadata.MetadataException;
import dev.hwbridge.simulator.error.SignerException;
import java.io.PrintWriter;
import java.util.List;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;
import picocli.CommandLine.ParameterException;

/**
 * Turns every failure of a command run into exactly one line on stderr and an exit status.
 *
 * <p>Usage errors are described from option names only: picocli's own messages quote the offending
 * argument, and that argument may be a secret typed in the wrong place (an unquoted phrase, a
 * misspelt {@code --password=…}). Failures of the signer core go through {@link ErrorMessages}.
 */
final class CliErrors implements CommandLine.IParameterExceptionHandler,
        CommandLine.IExecutionExceptionHandler {

    private final SecretRedactor redactor;

    CliErrors(SecretRedactor redactor) {
        this.redactor = redactor;
    }

    @Override
    public int handleParseException(ParameterException ex, String[] args) {
        CommandLine command = ex.getCommandLine();
        String help = "see '" + command.getCommandSpec().qualifiedName() + " --help'";
        return report(command, usageMessage(ex) + "; " + help, ExitCodes.BAD_INPUT);
    }

    @Override
    public int handleExecutionException(Exception ex, CommandLine command, CommandLine.ParseResult parseResult) {
        if (ex instanceof ParameterException usage) {
            return handleParseException(usage, parseResult.originalArgs().toArray(String[]::new));
        }
        String inputError = inputErrorMessage(ex);
        if (inputError != null) {
            return report(command, inputError, ExitCodes.BAD_INPUT);
        }
        // Not the caller's fault. The message is withheld all the same: it may quote input.
        Exception failure = ex instanceof UriLineException line ? line.failure() : ex;
        return report(command, "internal error (" + failure.getClass().getName() + ")", ExitCodes.INTERNAL_ERROR);
    }

    /** The message for a failure caused by bad input, or null if the failure is not the input's. */
    private String inputErrorMessage(Exception ex) {
        if (ex instanceof UriLineException line) {
            String inner = inputErrorMessage(line.failure());
            return inner == null ? null : "line " + line.line() + " of " + UriFile.OPTION + ": " + inner;
        }
        if (ex instanceof CliInputException input) {
            return input.getMessage();
        }
        if (ex instanceof SignerException signer) {
            return ErrorMessages.of(signer, redactor);
        }
        if (ex instanceof FormatException format) {
            return ErrorMessages.of(format, redactor);
        }
        if (ex instanceof MetadataException metadata) {
            return ErrorMessages.of(metadata, redactor);
        }
        if (ex instanceof IllegalArgumentException) {
            // An argument check of a library we call; its message may quote the input, so it is not shown.
            return "invalid input";
        }
        return null;
    }

    private static int report(CommandLine command, String message, int exitCode) {
        PrintWriter err = command.getErr();
        err.println(command.getCommandSpec().qualifiedName() + ": " + message);
        err.flush();
        return exitCode;
    }

    private static String usageMessage(ParameterException ex) {
        if (ex instanceof CommandLine.MissingParameterException missing) {
            return "missing " + names(missing.getMissing());
        }
        if (ex instanceof CommandLine.UnmatchedArgumentException && ex.getCommandLine().getParent() == null) {
            return "unknown command (expected inspect, sign, verify, json-export, json-import, metadata-digest, metadata-proof or decode)";
        }
        if (ex instanceof CommandLine.UnmatchedArgumentException) {
            return "unknown option, subcommand or extra argument (quote a secret URI that has spaces,"
                    + " or give it with --uri-file)";
        }
        if (ex instanceof CommandLine.MutuallyExclusiveArgsException) {
            return "options that exclude each other were given together";
        }
        if (ex instanceof CommandLine.OverwrittenOptionException overwritten) {
            return "option given more than once: " + name(overwritten.getOverwritten());
        }
        if (ex instanceof CommandLine.MaxValuesExceededException) {
            return "too many arguments";
        }
        if (ex.getArgSpec() != null) {
            String expected = ex.getCause() instanceof CommandLine.TypeConversionException conversion
                    ? " (" + conversion.getMessage() + ")"
                    : "";
            return "invalid value for " + name(ex.getArgSpec()) + expected;
        }
        if (ex instanceof SafeUsageException) {
            return ex.getMessage();
        }
        return "invalid command line";
    }

    /** "a, b" when all are required; "a or b" when they are the choices of one exclusive group. */
    private static String names(List<ArgSpec> specs) {
        boolean choices = specs.size() > 1 && specs.stream()
                .allMatch(spec -> spec.group() != null && spec.group().exclusive() && spec.group() == specs.get(0).group());
        return specs.stream().map(CliErrors::name).collect(Collectors.joining(choices ? " or " : ", "));
    }

    private static String name(ArgSpec spec) {
        if (spec instanceof OptionSpec option) {
            return option.longestName();
        }
        if (spec instanceof PositionalParamSpec positional) {
            return positional.paramLabel();
        }
        return "an argument";
    }

    /** A usage error raised by our own code, whose message holds option names only. */
    static final class SafeUsageException extends ParameterException {
        SafeUsageException(CommandLine command, String message) {
            super(command, message);
        }
    }
}
