package org.redress.server.matching;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.redress.pdq.Dihedral;
import org.redress.pdq.Fingerprint;
import org.redress.pdq.PdqHash;
import org.redress.pdq.PdqHasher;
import org.redress.pdq.RgbPixels;
import org.redress.server.TestDatabase;
import org.redress.server.intake.HashesSubmitted;
import org.redress.server.intake.ReportWithdrawn;
import org.redress.server.intake.SubmittedHash;
import org.redress.server.matching.banks.MatchIndex;
import org.redress.server.shared.Actor;
import org.redress.server.shared.CaseRef;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A victim's submitted image carries the hashes of its rotations and mirrorings: a JSON check that
 * sends only the hash of a turned copy must find it, and withdrawal must take the variants out too.
 */
class VictimVariantsIntegrationTests {

    private static final Actor PLATFORM = new Actor.ApiKey("platform-key");

    @ParameterizedTest
    @EnumSource(TestDatabase.Vendor.class)
    void matchesAJsonCheckOfATurnedCopyAgainstTheSubmittedVariantsUntilWithdrawal(TestDatabase.Vendor vendor) {
        try (var db = TestDatabase.create(vendor);
                var context = MatchingContext.open(db)) {
            context.getBean(MatchIndex.class).refresh();
            var matching = context.getBean(Matching.class);
            Map<Dihedral, Fingerprint> all =
                    PdqHasher.create().hash(pixels(TestImages.picture(9)), EnumSet.allOf(Dihedral.class));
            PdqHash original = all.get(Dihedral.ORIGINAL).hash();
            PdqHash turned = all.get(Dihedral.ROTATE_90).hash();
            assertThat(turned.distanceTo(original)).isGreaterThan(31);
            List<PdqHash> dihedral = EnumSet.allOf(Dihedral.class).stream()
                    .map(d -> all.get(d).hash())
                    .toList();
            var caseRef = new CaseRef("SUB-24680");
            var transaction = new TransactionTemplate(context.getBean(PlatformTransactionManager.class));

            transaction.executeWithoutResult(status -> context.publishEvent(new HashesSubmitted(
                    caseRef,
                    List.of(new SubmittedHash(
                            original, Optional.empty(), Optional.empty(), Optional.empty(), dihedral)),
                    Instant.parse("2026-12-01T00:00:00Z"))));

            assertThat(check(matching, "turned-copy", turned)).isEqualTo(Verdict.BLOCK);
            assertThat(check(matching, "original-copy", original)).isEqualTo(Verdict.BLOCK);

            transaction.executeWithoutResult(status ->
                    context.publishEvent(new ReportWithdrawn(caseRef, Instant.parse("2026-12-01T01:00:00Z"))));

            assertThat(check(matching, "turned-after-withdrawal", turned)).isEqualTo(Verdict.ALLOW);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Vendor.class)
    void matchesACroppedCopyAgainstTheFramingsTheBrowserSent(TestDatabase.Vendor vendor) {
        try (var db = TestDatabase.create(vendor);
                var context = MatchingContext.open(db)) {
            context.getBean(MatchIndex.class).refresh();
            var matching = context.getBean(Matching.class);
            var picture = TestImages.picture(11);
            RgbPixels pixels = pixels(picture);
            PdqHasher hasher = PdqHasher.create();
            PdqHash original = hasher.hash(pixels).hash();
            List<PdqHash> framings = java.util.Arrays.stream(org.redress.pdq.EntryFraming.values())
                    .map(framing -> hasher.hash(framing.apply(pixels)).hash())
                    .toList();
            int w = picture.getWidth();
            int h = picture.getHeight();
            PdqHash centreCopy = hasher.hash(pixels(picture.getSubimage(w / 20, h / 20, w - w / 10, h - h / 10)))
                    .hash();
            assertThat(centreCopy.distanceTo(original)).isGreaterThan(31);
            var transaction = new TransactionTemplate(context.getBean(PlatformTransactionManager.class));

            // Sent without the dihedral hashes: the framings still land in their own positions.
            transaction.executeWithoutResult(status -> context.publishEvent(new HashesSubmitted(
                    new CaseRef("SUB-13579"),
                    List.of(new SubmittedHash(
                            original, Optional.empty(), Optional.empty(), Optional.empty(), List.of(), framings)),
                    Instant.parse("2026-12-01T00:00:00Z"))));

            var answer = matching.check(
                    PLATFORM, new Upload("centre-copy", "uploader-1", EntryHashes.ofPdq(centreCopy), List.of()));
            assertThat(answer.verdict()).isEqualTo(Verdict.BLOCK);
            assertThat(answer.matches().getFirst().variant()).startsWith("CENTRE_");
        }
    }

    private static Verdict check(Matching matching, String contentId, PdqHash pdq) {
        return matching.check(PLATFORM, new Upload(contentId, "uploader-1", EntryHashes.ofPdq(pdq), List.of()))
                .verdict();
    }

    private static RgbPixels pixels(BufferedImage image) {
        int width = image.getWidth();
        int height = image.getHeight();
        return RgbPixels.copyOf(width, height, image.getRGB(0, 0, width, height, null, 0, width));
    }
}
