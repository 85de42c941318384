package org.redress.benchmarks;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import org.redress.pdq.Dihedral;
import org.redress.pdq.EntryFraming;
import org.redress.pdq.Fingerprint;
import org.redress.pdq.PdqHash;
import org.redress.pdq.PdqHasher;
import org.redress.pdq.Pixels;
import org.redress.pdq.Reframing;

/**
 * The hashes a bank entry keeps for an image and the hashes a check searches with, under each
 * design the recall evaluation compares. A copy matches when any query hash is within the distance
 * of any of the entry's hashes.
 */
enum MatchingPipeline {
    /** Before: the eight rotations and mirrorings on both sides, as PDQ derives them. */
    DIHEDRAL("dihedral") {
        @Override
        List<PdqHash> entry(Pixels image) {
            return dihedral(image);
        }

        @Override
        List<PdqHash> query(Pixels upload) {
            return dihedral(upload);
        }
    },
    /** The check also searches with the upload cut out of its uniform border, when it has one (today's). */
    UNFRAMED_QUERY("+unframed query") {
        @Override
        List<PdqHash> entry(Pixels image) {
            return dihedral(image);
        }

        @Override
        List<PdqHash> query(Pixels upload) {
            var hashes = new ArrayList<>(dihedral(upload));
            Reframing.withoutUniformBorders(upload).ifPresent(inner -> hashes.add(plain(inner)));
            return hashes;
        }
    },
    /** As above, and the entry also keeps the hashes of its image turned and mirrored pixel for pixel. */
    TURNED_ENTRY("+turned entry") {
        @Override
        List<PdqHash> entry(Pixels image) {
            return distinct(dihedral(image), turned(image));
        }

        @Override
        List<PdqHash> query(Pixels upload) {
            return UNFRAMED_QUERY.query(upload);
        }
    },
    /** As above, and the entry also keeps the centre of its image at 95%, 90% and 80% of each side. */
    CENTRED_ENTRY("+centre crops") {
        @Override
        List<PdqHash> entry(Pixels image) {
            return distinct(TURNED_ENTRY.entry(image), centres(image));
        }

        @Override
        List<PdqHash> query(Pixels upload) {
            return UNFRAMED_QUERY.query(upload);
        }
    },
    /** As above, and the entry keeps 90% windows at its corners and its image tilted by 4 and 8 degrees. */
    FRAMED_ENTRY("+corners, tilts") {
        @Override
        List<PdqHash> entry(Pixels image) {
            var more = new ArrayList<PdqHash>();
            int w = (int) Math.round(image.width() * 0.9);
            int h = (int) Math.round(image.height() * 0.9);
            more.add(plain(Reframing.region(image, 0, 0, w, h)));
            more.add(plain(Reframing.region(image, image.width() - w, 0, w, h)));
            more.add(plain(Reframing.region(image, 0, image.height() - h, w, h)));
            more.add(plain(Reframing.region(image, image.width() - w, image.height() - h, w, h)));
            for (double degrees : new double[] {-8, -4, 4, 8}) {
                more.add(plain(Reframing.tilted(image, degrees)));
            }
            return distinct(CENTRED_ENTRY.entry(image), more);
        }

        @Override
        List<PdqHash> query(Pixels upload) {
            return UNFRAMED_QUERY.query(upload);
        }
    },
    /**
     * What is built: the entry keeps PDQ's eight hashes and every framing of {@link EntryFraming}
     * (as above, and the picture with a tenth cut from one side), as matching's entries made from
     * an image do, framings under quality 50 left out as there.
     */
    ENTRY_FRAMINGS("+edges (built)") {
        @Override
        List<PdqHash> entry(Pixels image) {
            var framed = Arrays.stream(EntryFraming.values())
                    .map(framing -> HASHER.hash(framing.apply(image)))
                    .filter(print -> print.quality().value() >= 50)
                    .map(Fingerprint::hash)
                    .toList();
            return distinct(dihedral(image), framed);
        }

        @Override
        List<PdqHash> query(Pixels upload) {
            return UNFRAMED_QUERY.query(upload);
        }
    };

    private static List<PdqHash> centres(Pixels image) {
        return List.of(
                plain(Reframing.centre(image, 0.95)),
                plain(Reframing.centre(image, 0.9)),
                plain(Reframing.centre(image, 0.8)));
    }

    private static List<PdqHash> distinct(List<PdqHash> first, List<PdqHash> then) {
        var all = new java.util.LinkedHashSet<>(first);
        all.addAll(then);
        return List.copyOf(all);
    }

    private static final PdqHasher HASHER = PdqHasher.create();

    private final String label;

    MatchingPipeline(String label) {
        this.label = label;
    }

    String label() {
        return label;
    }

    abstract List<PdqHash> entry(Pixels image);

    abstract List<PdqHash> query(Pixels upload);

    static List<PdqHash> dihedral(Pixels pixels) {
        return HASHER.hash(pixels, EnumSet.allOf(Dihedral.class)).values().stream()
                .map(Fingerprint::hash)
                .toList();
    }

    static List<PdqHash> turned(Pixels pixels) {
        return Arrays.stream(Dihedral.values())
                .map(variant -> plain(Reframing.transformed(pixels, variant)))
                .toList();
    }

    static PdqHash plain(Pixels pixels) {
        return HASHER.hash(pixels).hash();
    }
}
