package org.redress.server.matching;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.redress.pdq.PdqHash;

/**
 * The line formats banks are exported and imported in. Blank lines and lines starting with
 * {@code #} are skipped in all of them.
 */
public enum HashListFormat {
    /** One hash per line, {@code pdq <hex>}, {@code md5 <hex>} or {@code sha256 <hex>}. */
    TEXT("text/plain"),
    /** A header {@code pdq,md5,sha256}, then one entry per line with empty cells for absent hashes. */
    CSV("text/csv"),
    /** One JSON object per line with string members {@code pdq}, {@code md5}, {@code sha256}. */
    JSONL("application/jsonl"),
    /**
     * HMA's file exchange: {@code <signal type> <signal>} per line with HMA's type names ({@code pdq},
     * {@code video_md5}), or a bare PDQ hash per line (a file HMA reads as one signal type). SHA-256
     * has no HMA type, so an export in this format leaves it out.
     */
    HMA("text/plain");

    static final String CSV_HEADER = "pdq,md5,sha256";

    private static final Pattern JSON_MEMBER = Pattern.compile("\"(pdq|md5|sha256)\"\\s*:\\s*\"([0-9A-Fa-f]*)\"");

    private final String mediaType;

    HashListFormat(String mediaType) {
        this.mediaType = mediaType;
    }

    public String mediaType() {
        return mediaType;
    }

    /** @throws IllegalArgumentException for an unknown name */
    public static HashListFormat parse(String name) {
        return valueOf(name.toUpperCase(Locale.ROOT));
    }

    /** The first line of an export, when the format has one. */
    public Optional<String> header() {
        return this == CSV ? Optional.of(CSV_HEADER) : Optional.empty();
    }

    /**
     * Reads one line: empty for a line to skip (blank, comment, CSV header).
     *
     * @throws IllegalArgumentException when the line is malformed
     */
    Optional<EntryHashes> read(String line) {
        String text = line.strip();
        if (text.isEmpty() || text.startsWith("#") || (this == CSV && text.equalsIgnoreCase(CSV_HEADER))) {
            return Optional.empty();
        }
        return Optional.of(
                switch (this) {
                    case TEXT -> {
                        String[] parts = text.split("\\s+", -1);
                        if (parts.length != 2) {
                            throw new IllegalArgumentException("a line is '<kind> <hex>'");
                        }
                        yield switch (parts[0].toLowerCase(Locale.ROOT)) {
                            case "pdq" -> EntryHashes.ofPdq(PdqHash.fromHex(parts[1]));
                            case "md5" -> EntryHashes.parse(null, parts[1], null);
                            case "sha256" -> EntryHashes.parse(null, null, parts[1]);
                            default -> throw new IllegalArgumentException("the kind is pdq, md5 or sha256");
                        };
                    }
                    case CSV -> {
                        String[] cells = text.split(",", -1);
                        if (cells.length != 3) {
                            throw new IllegalArgumentException("a line has three cells");
                        }
                        yield EntryHashes.parse(cells[0].strip(), cells[1].strip(), cells[2].strip());
                    }
                    case HMA -> readHma(text);
                    case JSONL -> {
                        @Nullable String pdq = null;
                        @Nullable String md5 = null;
                        @Nullable String sha256 = null;
                        Matcher member = JSON_MEMBER.matcher(text);
                        while (member.find()) {
                            switch (member.group(1)) {
                                case "pdq" -> pdq = member.group(2);
                                case "md5" -> md5 = member.group(2);
                                default -> sha256 = member.group(2);
                            }
                        }
                        if (!text.startsWith("{") || !text.endsWith("}")) {
                            throw new IllegalArgumentException("a line is one JSON object");
                        }
                        yield EntryHashes.parse(pdq, md5, sha256);
                    }
                });
    }

    private static EntryHashes readHma(String text) {
        String[] parts = text.split("\\s+", -1);
        if (parts.length == 1) {
            return EntryHashes.ofPdq(PdqHash.fromHex(parts[0]));
        }
        if (parts.length != 2) {
            throw new IllegalArgumentException("a line is '<signal type> <signal>' or a PDQ hash");
        }
        return switch (parts[0].toLowerCase(Locale.ROOT)) {
            case "pdq" -> EntryHashes.ofPdq(PdqHash.fromHex(parts[1]));
            case "video_md5" -> EntryHashes.parse(null, parts[1], null);
            default -> throw new IllegalArgumentException("the signal type is pdq or video_md5");
        };
    }

    /** Writes an entry as one or more lines, each ending in a newline (none when it has nothing to write). */
    String write(EntryHashes hashes) {
        String pdq = hashes.pdq().map(PdqHash::toHex).orElse("");
        return switch (this) {
            case TEXT -> {
                var lines = new StringBuilder();
                hashes.pdq()
                        .ifPresent(h -> lines.append("pdq ").append(h.toHex()).append('\n'));
                hashes.md5().ifPresent(h -> lines.append("md5 ").append(h).append('\n'));
                hashes.sha256().ifPresent(h -> lines.append("sha256 ").append(h).append('\n'));
                yield lines.toString();
            }
            case HMA -> {
                var lines = new StringBuilder();
                hashes.pdq()
                        .ifPresent(h -> lines.append("pdq ").append(h.toHex()).append('\n'));
                hashes.md5().ifPresent(h -> lines.append("video_md5 ").append(h).append('\n'));
                yield lines.toString();
            }
            case CSV ->
                pdq + "," + hashes.md5().orElse("") + "," + hashes.sha256().orElse("") + "\n";
            case JSONL -> {
                var json = new StringBuilder("{");
                hashes.pdq()
                        .ifPresent(
                                h -> json.append("\"pdq\":\"").append(h.toHex()).append('"'));
                hashes.md5()
                        .ifPresent(h -> json.append(json.length() > 1 ? "," : "")
                                .append("\"md5\":\"")
                                .append(h)
                                .append('"'));
                hashes.sha256()
                        .ifPresent(h -> json.append(json.length() > 1 ? "," : "")
                                .append("\"sha256\":\"")
                                .append(h)
                                .append('"'));
                yield json.append("}\n").toString();
            }
        };
    }
}
