package org.redress.pdq;

/**
 * Decoded pixels ready for hashing: either colour ({@link RgbPixels}) or grey
 * ({@link GreyPixels}), 8 bits per channel, row-major.
 *
 * <p>Grey is kept apart because PDQ takes a grey value directly as the luma; expanding it to
 * R = G = B first and applying the luma weights would move some values by a rounding step and
 * flip bits against the reference.
 */
public sealed interface Pixels permits RgbPixels, GreyPixels {

    /** Returns the width in pixels, at least 1. */
    int width();

    /** Returns the height in pixels, at least 1. */
    int height();
}
