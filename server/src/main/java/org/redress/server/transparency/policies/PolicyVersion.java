package org.redress.server.transparency.policies;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One version of a policy. The text is plain: a line starting {@code ## } is a heading, a line
 * starting {@code - } an item of a list, and a blank line ends a paragraph. Pages show it escaped,
 * so a policy can hold no markup or script; the link to the report form is the page's own.
 *
 * @param policy the policy's name ({@code intimate-images}, {@code take-it-down})
 * @param version 1 for the first published; 0 for the text Redress ships, shown until one is
 * @param title the page's heading
 * @param text the body
 * @param publishedBy who published it (null for the shipped text)
 * @param publishedAt when it came into force (null for the shipped text)
 */
public record PolicyVersion(
        String policy,
        int version,
        String title,
        String text,
        @Nullable String publishedBy,
        @Nullable Instant publishedAt) {

    /** One block of the text, for pages. */
    public record Block(String kind, String text, List<String> items) {}

    /** Whether this is the text Redress ships, not one the platform published. */
    public boolean shipped() {
        return version == 0;
    }

    /** The text as headings, paragraphs and lists, in order. */
    public List<Block> blocks() {
        List<Block> blocks = new ArrayList<>();
        StringBuilder paragraph = new StringBuilder();
        List<String> items = new ArrayList<>();
        for (String raw : text.split("\\R", -1)) {
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("## ") || line.startsWith("- ")) {
                flush(blocks, paragraph, items, line.startsWith("- "));
            }
            if (line.startsWith("## ")) {
                blocks.add(new Block("heading", line.substring(3).strip(), List.of()));
            } else if (line.startsWith("- ")) {
                items.add(line.substring(2).strip());
            } else if (!line.isEmpty()) {
                if (!items.isEmpty()) {
                    flush(blocks, paragraph, items, false);
                }
                paragraph.append(paragraph.isEmpty() ? "" : " ").append(line);
            }
        }
        flush(blocks, paragraph, items, false);
        return blocks;
    }

    private static void flush(List<Block> blocks, StringBuilder paragraph, List<String> items, boolean keepList) {
        if (!paragraph.isEmpty()) {
            blocks.add(new Block("paragraph", paragraph.toString(), List.of()));
            paragraph.setLength(0);
        }
        if (!keepList && !items.isEmpty()) {
            blocks.add(new Block("list", "", List.copyOf(items)));
            items.clear();
        }
    }
}
