package org.redress.server.shared;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ImageFileTypesTests {

    private static byte[] bytes(int... values) {
        byte[] out = new byte[Math.max(values.length, 12)];
        for (int i = 0; i < values.length; i++) {
            out[i] = (byte) values[i];
        }
        return out;
    }

    @Test
    void namesEachImageTypeByItsFirstBytes() {
        assertThat(ImageFileTypes.extensionOf(bytes(0x89, 'P', 'N', 'G'))).isEqualTo("png");
        assertThat(ImageFileTypes.extensionOf(bytes(0xFF, 0xD8, 0xFF, 0xE0))).isEqualTo("jpg");
        assertThat(ImageFileTypes.extensionOf(bytes('G', 'I', 'F', '8', '9', 'a')))
                .isEqualTo("gif");
        assertThat(ImageFileTypes.extensionOf(bytes('R', 'I', 'F', 'F', 0, 0, 0, 0, 'W', 'E', 'B', 'P')))
                .isEqualTo("webp");
        assertThat(ImageFileTypes.extensionOf(bytes('I', 'I', '*', 0))).isEqualTo("tiff");
        assertThat(ImageFileTypes.extensionOf(bytes('M', 'M', 0, '*'))).isEqualTo("tiff");
        assertThat(ImageFileTypes.extensionOf(bytes('B', 'M'))).isEqualTo("bmp");
    }

    @Test
    void callsAnythingElseBinaryEvenWhenShorterThanAnyPrefix() {
        assertThat(ImageFileTypes.extensionOf(new byte[] {0x12, 0x34})).isEqualTo("bin");
        assertThat(ImageFileTypes.extensionOf(new byte[0])).isEqualTo("bin");
        assertThat(ImageFileTypes.extensionOf(bytes('R', 'I', 'F', 'F', 0, 0, 0, 0, 'A', 'V', 'I', ' ')))
                .isEqualTo("bin");
    }
}
