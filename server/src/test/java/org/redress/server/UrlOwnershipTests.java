package org.redress.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * URL ownership: a module's Java sources and templates name only the paths it serves itself. A
 * module that wants a link or a rule on another module's page takes it from a bean that module
 * declares ({@code web.StaffLink}, {@code web.OversizeUpload}). The command line is exempt: its load
 * benchmark calls the check API over HTTP as a platform would.
 */
class UrlOwnershipTests {

    private static final Path SOURCES = Path.of("src/main/java/org/redress/server");
    private static final Path TEMPLATES = Path.of("src/main/resources/templates");
    private static final Set<String> CLIENTS = Set.of("cli");
    private static final Pattern CLASS_PREFIX =
            Pattern.compile("@RequestMapping\\((?:path\\s*=\\s*)?\"(/[^\"]*)\"[^)]*\\)\\s*"
                    + "(?:@\\w+(?:\\([^)]*\\))?\\s*)*(?:public\\s+)?(?:final\\s+)?class");
    private static final Pattern MAPPING =
            Pattern.compile("@(?:Get|Post|Put|Delete|Patch)Mapping\\((?:path\\s*=\\s*|value\\s*=\\s*)?\"(/[^\"]*)\"");

    /** The first segment of each page path, and the first after {@code /api/v1/} of each API path, by module. */
    private static Map<String, Set<String>> servedPrefixes() throws IOException {
        Map<String, Set<String>> served = new TreeMap<>();
        for (Path file : files(SOURCES, ".java")) {
            String text = Files.readString(file);
            Matcher prefix = CLASS_PREFIX.matcher(text);
            String base = prefix.find() ? prefix.group(1) : "";
            Matcher mapping = MAPPING.matcher(text);
            while (mapping.find()) {
                String path = base + mapping.group(1);
                String[] segments = path.substring(1).split("/");
                String key = path.startsWith("/api/v1/") && segments.length > 2
                        ? "/api/v1/" + segments[2]
                        : "/" + segments[0];
                if (!key.equals("/")) {
                    served.computeIfAbsent(module(SOURCES, file), m -> new TreeSet<>())
                            .add(key);
                }
            }
        }
        return served;
    }

    private static List<Path> files(Path root, String suffix) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(p -> p.toString().endsWith(suffix))
                    .filter(p -> root.relativize(p).getNameCount() > 1)
                    .toList();
        }
    }

    private static String module(Path root, Path file) {
        return root.relativize(file).getName(0).toString();
    }

    @Test
    void modulesNameOnlyTheirOwnPaths() throws IOException {
        Map<String, Set<String>> served = servedPrefixes();
        assertThat(served).containsKeys("identity", "intake", "matching", "review");
        assertThat(served.get("review")).contains("/review");
        List<String> violations = new ArrayList<>();
        List<Path> sources = new ArrayList<>(files(SOURCES, ".java"));
        sources.addAll(files(TEMPLATES, ".html"));
        for (Path file : sources) {
            String module = module(file.startsWith(SOURCES) ? SOURCES : TEMPLATES, file);
            if (CLIENTS.contains(module)) {
                continue;
            }
            String text = Files.readString(file);
            served.forEach((owner, prefixes) -> {
                if (owner.equals(module)) {
                    return;
                }
                for (String prefix : prefixes) {
                    if (Pattern.compile("[\"'{]" + Pattern.quote(prefix) + "(?=[\"'/?}(])")
                            .matcher(text)
                            .find()) {
                        violations.add(file + " names " + owner + "'s " + prefix);
                    }
                }
            });
        }
        assertThat(violations).isEmpty();
    }
}
