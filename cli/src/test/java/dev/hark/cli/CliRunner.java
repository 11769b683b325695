package dev.hark.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/** Runs the real {@code hark} command line in-process and captures what it prints. */
final class CliRunner {
    record Run(int exitCode, String out, String err) {
    }

    static Run run(String... args) {
        CommandLine cli = Hark.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int code = cli.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    private CliRunner() {
    }
}
