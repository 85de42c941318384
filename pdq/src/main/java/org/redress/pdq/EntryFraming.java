package org.redress.pdq;

/**
 * The other framings of an image that a bank entry made from the image keeps hashes of, so that a
 * copy altered the way re-uploads are altered still lands within the match distance of one of
 * them: the picture turned and mirrored pixel for pixel (the hashes {@link PdqHasher} derives from
 * one transform miss some turned copies), its centre, its corner windows, the picture tilted, and
 * the picture with a tenth cut from one side (EDGE_TOP_90 keeps the top 90%: the bottom is cut).
 * Each was measured on photographs before it was added (docs/adr/0026 has the recall, the closest
 * unrelated distance and the cost); the order is part of stored data (an entry keeps its hashes by
 * position), so new framings go at the end and none is ever removed or moved.
 */
public enum EntryFraming {
    TURNED_ROTATE_90,
    TURNED_ROTATE_180,
    TURNED_ROTATE_270,
    TURNED_FLIP_X,
    TURNED_FLIP_Y,
    TURNED_FLIP_PLUS_1,
    TURNED_FLIP_MINUS_1,
    CENTRE_95,
    CENTRE_90,
    CENTRE_80,
    CORNER_TOP_LEFT_90,
    CORNER_TOP_RIGHT_90,
    CORNER_BOTTOM_LEFT_90,
    CORNER_BOTTOM_RIGHT_90,
    TILT_MINUS_8,
    TILT_MINUS_4,
    TILT_4,
    TILT_8,
    EDGE_TOP_90,
    EDGE_BOTTOM_90,
    EDGE_LEFT_90,
    EDGE_RIGHT_90;

    /** A corner or edge window keeps this share of a side: an off-centre crop of up to a tenth. */
    private static final double CORNER_SHARE = 0.9;

    /** The picture as this framing sees it. */
    public Pixels apply(Pixels pixels) {
        return switch (this) {
            case TURNED_ROTATE_90 -> Reframing.transformed(pixels, Dihedral.ROTATE_90);
            case TURNED_ROTATE_180 -> Reframing.transformed(pixels, Dihedral.ROTATE_180);
            case TURNED_ROTATE_270 -> Reframing.transformed(pixels, Dihedral.ROTATE_270);
            case TURNED_FLIP_X -> Reframing.transformed(pixels, Dihedral.FLIP_X);
            case TURNED_FLIP_Y -> Reframing.transformed(pixels, Dihedral.FLIP_Y);
            case TURNED_FLIP_PLUS_1 -> Reframing.transformed(pixels, Dihedral.FLIP_PLUS_1);
            case TURNED_FLIP_MINUS_1 -> Reframing.transformed(pixels, Dihedral.FLIP_MINUS_1);
            case CENTRE_95 -> Reframing.centre(pixels, 0.95);
            case CENTRE_90 -> Reframing.centre(pixels, 0.9);
            case CENTRE_80 -> Reframing.centre(pixels, 0.8);
            case CORNER_TOP_LEFT_90 -> corner(pixels, false, false);
            case CORNER_TOP_RIGHT_90 -> corner(pixels, true, false);
            case CORNER_BOTTOM_LEFT_90 -> corner(pixels, false, true);
            case CORNER_BOTTOM_RIGHT_90 -> corner(pixels, true, true);
            case TILT_MINUS_8 -> Reframing.tilted(pixels, -8);
            case TILT_MINUS_4 -> Reframing.tilted(pixels, -4);
            case TILT_4 -> Reframing.tilted(pixels, 4);
            case TILT_8 -> Reframing.tilted(pixels, 8);
            case EDGE_TOP_90 -> edge(pixels, false, false);
            case EDGE_BOTTOM_90 -> edge(pixels, false, true);
            case EDGE_LEFT_90 -> edge(pixels, true, false);
            case EDGE_RIGHT_90 -> edge(pixels, true, true);
        };
    }

    /** The picture with a tenth cut from one side: the far side for {@code far}, else the near one. */
    private static Pixels edge(Pixels pixels, boolean acrossWidth, boolean far) {
        int width = acrossWidth ? Math.max(1, (int) Math.round(pixels.width() * CORNER_SHARE)) : pixels.width();
        int height = acrossWidth ? pixels.height() : Math.max(1, (int) Math.round(pixels.height() * CORNER_SHARE));
        return Reframing.region(
                pixels, far ? pixels.width() - width : 0, far ? pixels.height() - height : 0, width, height);
    }

    private static Pixels corner(Pixels pixels, boolean right, boolean bottom) {
        int width = Math.max(1, (int) Math.round(pixels.width() * CORNER_SHARE));
        int height = Math.max(1, (int) Math.round(pixels.height() * CORNER_SHARE));
        return Reframing.region(
                pixels, right ? pixels.width() - width : 0, bottom ? pixels.height() - height : 0, width, height);
    }
}
