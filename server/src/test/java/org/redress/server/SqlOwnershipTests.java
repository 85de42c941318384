package org.redress.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * SQL ownership (house-style section 9): a module's statements name only its own tables
 * ({@code <module>_...}), an outbox is claimed only by the module that owns its table, and nothing
 * updates or deletes audit entries.
 */
class SqlOwnershipTests {

    private static final Path SOURCES = Path.of("src/main/java/org/redress/server");
    // "FOR UPDATE SKIP LOCKED" is a row lock and "ON CONFLICT ... DO UPDATE SET" an upsert's second
    // half: neither names a table.
    private static final Pattern TABLE =
            Pattern.compile("(?i)(?<!\\bFOR\\s)(?<!\\bDO\\s)\\b(?:FROM|INTO|UPDATE|JOIN|TABLE)\\s+([a-z][a-z0-9_]*)");
    // A common table expression's name ("WITH picked AS ...") is the statement's own, not a table.
    private static final Pattern COMMON_TABLE = Pattern.compile("(?i)\\bWITH\\s+([a-z][a-z0-9_]*)\\s+AS\\b");
    private static final Pattern AUDIT_REWRITE =
            Pattern.compile("(?is)\\b(UPDATE\\s+audit_entry|DELETE\\s+FROM\\s+audit_entry)\\b");

    private static List<Path> javaFiles() throws IOException {
        try (Stream<Path> files = Files.walk(SOURCES)) {
            return files.filter(p -> p.toString().endsWith(".java")).toList();
        }
    }

    @Test
    void touchesOnlyTheOwningModulesTables() throws IOException {
        List<String> violations = new ArrayList<>();
        int statements = 0;
        for (Path file : javaFiles()) {
            Path relative = SOURCES.relativize(file);
            if (relative.getNameCount() < 2) {
                continue;
            }
            String module = relative.getName(0).toString();
            String text = Files.readString(file);
            var blocks = Pattern.compile("\"\"\"(.*?)\"\"\"", Pattern.DOTALL).matcher(text);
            while (blocks.find()) {
                var own = new ArrayList<String>();
                var commonTables = COMMON_TABLE.matcher(blocks.group(1));
                while (commonTables.find()) {
                    own.add(commonTables.group(1).toLowerCase(java.util.Locale.ROOT));
                }
                var tables = TABLE.matcher(blocks.group(1));
                while (tables.find()) {
                    statements++;
                    String table = tables.group(1).toLowerCase(java.util.Locale.ROOT);
                    if (!table.startsWith(module + "_") && !own.contains(table)) {
                        violations.add(relative + " names " + table);
                    }
                }
            }
        }
        assertThat(statements).isGreaterThan(5);
        assertThat(violations).isEmpty();
    }

    @Test
    void claimsOnlyTheOwningModulesOutboxes() throws IOException {
        var claims = Pattern.compile("new OutboxClaims\\([^;]*?\"([^\"]*)\"");
        List<String> tables = new ArrayList<>();
        for (Path file : javaFiles()) {
            Path relative = SOURCES.relativize(file);
            var found = claims.matcher(Files.readString(file));
            while (found.find()) {
                String module = relative.getName(0).toString();
                tables.add(found.group(1));
                assertThat(found.group(1)).as(relative.toString()).startsWith(module + "_");
            }
        }
        assertThat(tables)
                .containsExactlyInAnyOrder(
                        "intake_outbox",
                        "enforcement_delivery",
                        "review_follow_up",
                        "transparency_dsa_statement",
                        "referral_referral");
    }

    @Test
    void neverRewritesTheAuditLog() throws IOException {
        for (Path file : javaFiles()) {
            assertThat(AUDIT_REWRITE.matcher(Files.readString(file)).find())
                    .as(file.toString())
                    .isFalse();
        }
    }
}
