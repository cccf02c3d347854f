package dev.hwbridge.simulator.cli;

import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine.Model.CommandSpec;

/** Writes a command's result lines to the command line's stdout. */
final class Output {

    private Output() {
    }

    static void lines(CommandSpec spec, List<String> lines) {
        PrintWriter out = spec.commandLine().getOut();
        for (String line : lines) {
            out.println(line);
        }
        out.flush();
    }

    static void line(CommandSpec spec, String line) {
        lines(spec, List.of(line));
    }
}
