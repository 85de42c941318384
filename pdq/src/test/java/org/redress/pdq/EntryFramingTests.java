package org.redress.pdq;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class EntryFramingTests {

    private static RgbPixels picture(int width, int height) {
        int[] rgb = new int[width * height];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int r = (int) (128 + 100 * Math.sin(x / 9.0));
                int g = (int) (128 + 100 * Math.cos(y / 13.0));
                int b = (x * 3 + y * 5) % 256;
                rgb[y * width + x] = r << 16 | g << 8 | b;
            }
        }
        return RgbPixels.copyOf(width, height, rgb);
    }

    @Test
    void keepsTheOrderStoredEntriesRelyOn() {
        // Entries keep their hashes by position: appending is the only allowed change.
        assertThat(Arrays.stream(EntryFraming.values()).map(Enum::name).toList())
                .startsWith(
                        "TURNED_ROTATE_90",
                        "TURNED_ROTATE_180",
                        "TURNED_ROTATE_270",
                        "TURNED_FLIP_X",
                        "TURNED_FLIP_Y",
                        "TURNED_FLIP_PLUS_1",
                        "TURNED_FLIP_MINUS_1",
                        "CENTRE_95",
                        "CENTRE_90",
                        "CENTRE_80",
                        "CORNER_TOP_LEFT_90",
                        "CORNER_TOP_RIGHT_90",
                        "CORNER_BOTTOM_LEFT_90",
                        "CORNER_BOTTOM_RIGHT_90",
                        "TILT_MINUS_8",
                        "TILT_MINUS_4",
                        "TILT_4",
                        "TILT_8",
                        "EDGE_TOP_90",
                        "EDGE_BOTTOM_90",
                        "EDGE_LEFT_90",
                        "EDGE_RIGHT_90");
    }

    @Test
    void aCornerWindowIsTheImagesCornerAtNinetyPercentOfEachSide() {
        RgbPixels image = picture(200, 100);

        Pixels bottomRight = EntryFraming.CORNER_BOTTOM_RIGHT_90.apply(image);

        assertThat(bottomRight.width()).isEqualTo(180);
        assertThat(bottomRight.height()).isEqualTo(90);
        assertThat(((RgbPixels) bottomRight).rgbAt(179, 89)).isEqualTo(image.rgbAt(199, 99));
        assertThat(((RgbPixels) bottomRight).rgbAt(0, 0)).isEqualTo(image.rgbAt(20, 10));
        assertThat(((RgbPixels) EntryFraming.CORNER_TOP_LEFT_90.apply(image)).rgbAt(0, 0))
                .isEqualTo(image.rgbAt(0, 0));
    }

    @Test
    void anEdgeWindowCutsATenthFromOneSideOnly() {
        RgbPixels image = picture(200, 100);

        Pixels right = EntryFraming.EDGE_RIGHT_90.apply(image);
        Pixels top = EntryFraming.EDGE_TOP_90.apply(image);

        assertThat(right.width()).isEqualTo(180);
        assertThat(right.height()).isEqualTo(100);
        assertThat(((RgbPixels) right).rgbAt(0, 0)).isEqualTo(image.rgbAt(20, 0));
        assertThat(top.width()).isEqualTo(200);
        assertThat(top.height()).isEqualTo(90);
        assertThat(((RgbPixels) top).rgbAt(199, 89)).isEqualTo(image.rgbAt(199, 89));
    }

    @Test
    void aCopyCroppedOffCentreIsNearerItsCornerWindowThanTheWholeImage() {
        RgbPixels image = picture(300, 240);
        PdqHasher hasher = PdqHasher.create();
        // An upload with a tenth cut from its left and top.
        Pixels cropped = Reframing.region(image, 30, 24, 270, 216);

        PdqHash copy = hasher.hash(cropped).hash();
        int toWhole = copy.distanceTo(hasher.hash(image).hash());
        int toCorner = copy.distanceTo(
                hasher.hash(EntryFraming.CORNER_BOTTOM_RIGHT_90.apply(image)).hash());

        assertThat(toCorner).isLessThan(toWhole).isLessThanOrEqualTo(10);
    }
}
