package org.redress.server.matching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.redress.pdq.PdqHash;

class HashListFormatTests {

    private static final String PDQ = "f8f8f0cee0f4a84f06370a22038f63f0b36e2ed596621e1d33e6b39c4e9c9b22";
    private static final String MD5 = "0123456789abcdef0123456789abcdef";

    @Test
    void readsHmaFilesWithTypedLinesAndBarePdqHashes() {
        assertThat(HashListFormat.HMA.read("pdq " + PDQ)).contains(EntryHashes.ofPdq(PdqHash.fromHex(PDQ)));
        assertThat(HashListFormat.HMA.read("  " + PDQ.toUpperCase(java.util.Locale.ROOT) + "  "))
                .contains(EntryHashes.ofPdq(PdqHash.fromHex(PDQ)));
        assertThat(HashListFormat.HMA.read("video_md5 " + MD5))
                .contains(new EntryHashes(Optional.empty(), Optional.of(MD5), Optional.empty()));
        assertThat(HashListFormat.HMA.read("# a comment")).isEmpty();
        assertThat(HashListFormat.HMA.read("")).isEmpty();
    }

    @Test
    void refusesHmaLinesOfOtherTypesOrShapes() {
        assertThatThrownBy(() -> HashListFormat.HMA.read("md5 " + MD5))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("pdq or video_md5");
        assertThatThrownBy(() -> HashListFormat.HMA.read("pdq " + PDQ + " extra"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> HashListFormat.HMA.read(MD5)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void writesHmaTypeNamesAndLeavesOutWhatHmaCannotHold() {
        var all = new EntryHashes(Optional.of(PdqHash.fromHex(PDQ)), Optional.of(MD5), Optional.of("a".repeat(64)));

        assertThat(HashListFormat.HMA.write(all)).isEqualTo("pdq " + PDQ + "\nvideo_md5 " + MD5 + "\n");
        assertThat(HashListFormat.HMA.write(EntryHashes.parse(null, null, "b".repeat(64))))
                .isEmpty();
        assertThat(HashListFormat.HMA.read(HashListFormat.HMA
                        .write(EntryHashes.ofPdq(PdqHash.fromHex(PDQ)))
                        .strip()))
                .contains(EntryHashes.ofPdq(PdqHash.fromHex(PDQ)));
    }
}
