package org.redress.commandline;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CommandsTests {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final List<List<String>> received = new ArrayList<>();

    private final Command echo = new Command() {
        @Override
        public String name() {
            return "echo";
        }

        @Override
        public String summary() {
            return "print words: echo [--upper] WORD...";
        }

        @Override
        public int run(List<String> args, PrintStream out, PrintStream err) throws UsageException {
            received.add(args);
            Arguments parsed = ArgumentRules.none()
                    .switches("--upper")
                    .positionals("WORD", 1, 9)
                    .parse(args);
            String words = String.join(" ", parsed.positionals());
            out.println(parsed.has("--upper") ? words.toUpperCase(java.util.Locale.ROOT) : words);
            return OK;
        }
    };

    private final Commands commands = new Commands("prog", List.of(echo));

    @Test
    void handsTheRestOfTheArgumentsToTheNamedCommand() {
        int status = run("echo", "--upper", "a", "b");

        assertThat(status).isZero();
        assertThat(received).containsExactly(List.of("--upper", "a", "b"));
        assertThat(out()).isEqualTo("A B\n");
    }

    @Test
    void turnsAUsageErrorIntoOneLineNamingTheCommandAndStatusTwo() {
        int status = run("echo", "--lower", "a");

        assertThat(status).isEqualTo(Command.USAGE);
        assertThat(err()).isEqualTo("prog echo: unknown option --lower\n");
        assertThat(out()).isEmpty();
    }

    @Test
    void listsTheCommandsOnHelpAndOnStderrWhenNoneIsNamed() {
        assertThat(run("--help")).isZero();
        assertThat(out()).contains("usage: prog <command> [options]").contains("echo     print words");
        assertThat(run()).isEqualTo(Command.USAGE);
        assertThat(err()).contains("usage: prog <command> [options]");
    }

    @Test
    void printsOneCommandsSummaryOnItsHelpOption() {
        assertThat(run("echo", "x", "--help")).isZero();
        assertThat(out()).isEqualTo("print words: echo [--upper] WORD...\n");
        assertThat(received).isEmpty();
        assertThat(run("echo", "--", "--help")).isZero();
        assertThat(received).containsExactly(List.of("--", "--help"));
    }

    @Test
    void namesAnUnknownCommand() {
        assertThat(run("ech")).isEqualTo(Command.USAGE);
        assertThat(err()).startsWith("prog: unknown command 'ech'\n");
    }

    private int run(String... args) {
        return commands.run(
                List.of(args),
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }
}
