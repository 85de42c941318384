package org.redress.pdq;

/**
 * The eight rotations and reflections of an image (the dihedral group of the square), in the
 * order in which PDQ's reference tools and test vectors list their hashes.
 *
 * <p>Hashing a transformed image gives (up to rounding) the hash of the matching variant of
 * the original, so banking all eight catches copies that were rotated or mirrored.
 */
public enum Dihedral {
    /** The image as given. */
    ORIGINAL,
    /** Rotated 90 degrees anticlockwise. */
    ROTATE_90,
    /** Rotated 180 degrees. */
    ROTATE_180,
    /** Rotated 270 degrees anticlockwise (90 degrees clockwise). */
    ROTATE_270,
    /** Mirrored across the horizontal axis (upside down). */
    FLIP_X,
    /** Mirrored across the vertical axis (left to right). */
    FLIP_Y,
    /** Mirrored across the main diagonal (transposed). */
    FLIP_PLUS_1,
    /** Mirrored across the anti-diagonal. */
    FLIP_MINUS_1
}
