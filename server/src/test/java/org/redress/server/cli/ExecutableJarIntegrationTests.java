package org.redress.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;

/**
 * The packaged {@code redress.jar} (built by the package phase, before Failsafe runs) as a platform
 * deploys it: the benchmarks and JMH live in the benchmarks module's own jar, never in this one.
 */
class ExecutableJarIntegrationTests {

    @Test
    void carriesNoBenchmarkAndNoJmhClassAtAnyDepth() throws IOException {
        Path jar = Path.of(System.getProperty("redress.jar", "target/redress.jar"));
        assertThat(jar).as("the executable jar, built by ./mvnw package").isRegularFile();

        List<String> entries = new ArrayList<>();
        try (InputStream in = Files.newInputStream(jar)) {
            list("", in, entries);
        }

        assertThat(entries)
                .as("the jar and its nested library jars were read")
                .contains("BOOT-INF/classes/org/redress/server/cli/RedressCommandLine.class")
                .anyMatch(e -> e.startsWith("BOOT-INF/lib/redress-commandline-") && e.endsWith("/ArgumentRules.class"))
                .anyMatch(e -> e.startsWith("BOOT-INF/lib/redress-pdq-") && e.endsWith("/PdqHasher.class"));
        assertThat(entries)
                .as("no benchmark code, no JMH")
                .noneMatch(e -> e.contains("org/redress/benchmarks/"))
                .noneMatch(e -> e.contains("org/openjdk/jmh/"))
                .noneMatch(e -> e.toLowerCase(Locale.ROOT).contains("jmh"))
                .noneMatch(e -> e.toLowerCase(Locale.ROOT).contains("bench"));
    }

    /** Adds every entry's name to {@code names}; a nested jar's entries follow as {@code outer!/inner}. */
    private static void list(String prefix, InputStream in, List<String> names) throws IOException {
        var zip = new ZipInputStream(in);
        for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
            names.add(prefix + entry.getName());
            if (entry.getName().endsWith(".jar")) {
                list(prefix + entry.getName() + "!/", zip, names);
            }
        }
    }
}
