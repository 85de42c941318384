package org.redress.hashindex;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Random;
import org.junit.jupiter.api.Test;

class DigestIndexTests {

    @Test
    void findsEveryEntryOfASha256Digest() throws NoSuchAlgorithmException {
        byte[] a = MessageDigest.getInstance("SHA-256").digest("a".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        byte[] b = MessageDigest.getInstance("SHA-256").digest("b".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        DigestIndex index = DigestIndex.builder(DigestAlgorithm.SHA256)
                .add(9, a)
                .add(4, a)
                .add(5, b)
                .build();

        assertThat(index.find(a)).containsExactly(4L, 9L);
        assertThat(index.find(b)).containsExactly(5L);
        assertThat(index.find(new byte[32])).isEmpty();
        assertThat(index.size()).isEqualTo(3);
    }

    @Test
    void findsMd5DigestsAmongManyAndNothingElse() {
        var random = new Random(3);
        var builder = DigestIndex.builder(DigestAlgorithm.MD5);
        byte[][] digests = new byte[20_000][16];
        for (int i = 0; i < digests.length; i++) {
            random.nextBytes(digests[i]);
            builder.add(i, digests[i]);
        }
        DigestIndex index = builder.build();

        for (int i = 0; i < digests.length; i++) {
            assertThat(index.find(digests[i])).containsExactly((long) i);
        }
        byte[] absent = digests[0].clone();
        absent[15] ^= 1;
        assertThat(index.find(absent)).isEmpty();
    }

    @Test
    void rejectsADigestOfTheWrongLength() {
        DigestIndex index = DigestIndex.builder(DigestAlgorithm.MD5).build();

        assertThatIllegalArgumentException()
                .isThrownBy(() -> index.find(new byte[32]))
                .withMessage("MD5 digests must be 16 bytes, got 32");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> DigestIndex.builder(DigestAlgorithm.SHA256).add(1, new byte[16]))
                .withMessage("SHA256 digests must be 32 bytes, got 16");
    }
}
