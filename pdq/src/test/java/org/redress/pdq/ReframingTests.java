package org.redress.pdq;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class ReframingTests {

    /** A picture with detail everywhere: colour changes along both axes. */
    private static RgbPixels picture(int width, int height) {
        int[] rgb = new int[width * height];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int r = (int) (128 + 100 * Math.sin(x / 5.0));
                int g = (int) (128 + 100 * Math.cos(y / 7.0));
                int b = (x * 3 + y * 5) % 256;
                rgb[y * width + x] = r << 16 | g << 8 | b;
            }
        }
        return RgbPixels.copyOf(width, height, rgb);
    }

    /** The picture inside a frame of {@code border} pixels of one colour on every side. */
    private static RgbPixels framed(RgbPixels inner, int border, int colour) {
        int width = inner.width() + 2 * border;
        int height = inner.height() + 2 * border;
        int[] rgb = new int[width * height];
        Arrays.fill(rgb, colour);
        for (int y = 0; y < inner.height(); y++) {
            for (int x = 0; x < inner.width(); x++) {
                rgb[(y + border) * width + x + border] = inner.rgbAt(x, y);
            }
        }
        return RgbPixels.copyOf(width, height, rgb);
    }

    private static void assertSamePixels(Pixels actual, RgbPixels expected) {
        assertThat(actual.width()).isEqualTo(expected.width());
        assertThat(actual.height()).isEqualTo(expected.height());
        var rgb = (RgbPixels) actual;
        for (int y = 0; y < expected.height(); y++) {
            for (int x = 0; x < expected.width(); x++) {
                assertThat(rgb.rgbAt(x, y)).isEqualTo(expected.rgbAt(x, y));
            }
        }
    }

    @Test
    void cutsABlackOrWhiteFrameBackToThePicture() {
        RgbPixels inner = picture(100, 80);

        assertSamePixels(Reframing.withoutUniformBorders(framed(inner, 6, 0)).orElseThrow(), inner);
        assertSamePixels(
                Reframing.withoutUniformBorders(framed(inner, 12, 0xFFFFFF)).orElseThrow(), inner);
    }

    @Test
    void findsNoFrameInAPictureWithoutOne() {
        assertThat(Reframing.withoutUniformBorders(picture(100, 80))).isEmpty();
    }

    @Test
    void takesAFlatPictureForAPictureNotAFrame() {
        assertThat(Reframing.withoutUniformBorders(RgbPixels.copyOf(40, 40, new int[1600])))
                .isEmpty();
    }

    @Test
    void bringsAFramedCopyBackWithinTheMatchDistance() {
        PdqHasher hasher = PdqHasher.create();
        RgbPixels inner = picture(300, 200);
        RgbPixels copy = framed(inner, 20, 0);
        PdqHash original = hasher.hash(inner).hash();

        assertThat(hasher.hash(copy).hash().distanceTo(original)).isGreaterThan(31);
        PdqHash unframed =
                hasher.hash(Reframing.withoutUniformBorders(copy).orElseThrow()).hash();
        assertThat(unframed.distanceTo(original)).isZero();
    }

    @Test
    void turnsPixelForPixelAsEachVariantIsNamed() {
        RgbPixels p = RgbPixels.copyOf(3, 2, new int[] {1, 2, 3, 4, 5, 6});

        var anticlockwise = (RgbPixels) Reframing.transformed(p, Dihedral.ROTATE_90);
        assertThat(anticlockwise.width()).isEqualTo(2);
        assertThat(anticlockwise.height()).isEqualTo(3);
        assertThat(new int[] {anticlockwise.rgbAt(0, 0), anticlockwise.rgbAt(1, 0), anticlockwise.rgbAt(0, 2)})
                .containsExactly(3, 6, 1);
        var leftToRight = (RgbPixels) Reframing.transformed(p, Dihedral.FLIP_Y);
        assertThat(leftToRight.rgbAt(0, 0)).isEqualTo(3);
        var transposed = (RgbPixels) Reframing.transformed(p, Dihedral.FLIP_PLUS_1);
        assertThat(transposed.rgbAt(1, 0)).isEqualTo(4);
        var upsideDown = (RgbPixels) Reframing.transformed(p, Dihedral.FLIP_X);
        assertThat(upsideDown.rgbAt(0, 0)).isEqualTo(4);
    }

    @Test
    void turnsBackToThePictureItCameFrom() {
        RgbPixels p = picture(20, 15);

        assertSamePixels(Reframing.transformed(Reframing.transformed(p, Dihedral.ROTATE_90), Dihedral.ROTATE_270), p);
        assertSamePixels(Reframing.transformed(Reframing.transformed(p, Dihedral.ROTATE_180), Dihedral.ROTATE_180), p);
        for (Dihedral mirror :
                new Dihedral[] {Dihedral.FLIP_X, Dihedral.FLIP_Y, Dihedral.FLIP_PLUS_1, Dihedral.FLIP_MINUS_1}) {
            assertSamePixels(Reframing.transformed(Reframing.transformed(p, mirror), mirror), p);
        }
        assertSamePixels(Reframing.transformed(p, Dihedral.ORIGINAL), p);
    }

    @Test
    void cutsTheCentreAndRefusesARegionOutsideThePicture() {
        Pixels centre = Reframing.centre(picture(100, 80), 0.9);

        assertThat(centre.width()).isEqualTo(90);
        assertThat(centre.height()).isEqualTo(72);
        assertThat(((RgbPixels) centre).rgbAt(0, 0)).isEqualTo(picture(100, 80).rgbAt(5, 4));
        assertThatThrownBy(() -> Reframing.region(picture(10, 10), 5, 5, 6, 2))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void tiltsOnTheSameCanvasWithBlackCorners() {
        var tilted = (RgbPixels) Reframing.tilted(picture(100, 80), 8);

        assertThat(tilted.width()).isEqualTo(100);
        assertThat(tilted.height()).isEqualTo(80);
        assertThat(tilted.rgbAt(0, 0)).isZero();
        assertThat(tilted.rgbAt(50, 40)).isEqualTo(picture(100, 80).rgbAt(50, 40));
    }
}
