package org.redress.server.matching;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.redress.server.TestDatabase;
import org.redress.server.matching.banks.MatchIndex;
import org.redress.server.matching.check.UploadHashing;
import org.redress.server.media.Media;
import org.redress.server.shared.Actor;
import org.redress.server.shared.ContentId;

/**
 * What matching keeps when operators turn off keeping allowed uploads, and that a storage failure never fails a check.
 */
class CheckedImagesKeptIntegrationTests {

    private static final Actor ADMIN = new Actor.Staff("bank-admin");
    private static final Actor PLATFORM = new Actor.ApiKey("platform-key");

    @ParameterizedTest
    @EnumSource(TestDatabase.Vendor.class)
    void keepsOnlyBlockedAndReviewedImagesWhenAllowedUploadsAreNotKept(TestDatabase.Vendor vendor) {
        try (var db = TestDatabase.create(vendor);
                var context = MatchingContext.open(db, "redress.media.keep-allowed-uploads=false")) {
            context.getBean(MatchIndex.class).refresh();
            var matching = context.getBean(Matching.class);
            var media = context.getBean(Media.class);
            byte[] banked = TestImages.png(TestImages.picture(51));
            matching.createBank(ADMIN, new BankName("queue"), BankAction.REVIEW, 31, 0);
            matching.addEntry(
                    ADMIN,
                    new BankName("queue"),
                    UploadHashing.hash(banked).hashes(),
                    Optional.empty(),
                    Optional.empty(),
                    new Provenance(Provenance.Source.MANUAL, "STAFF:bank-admin"));

            var reviewed = matching.checkImage(PLATFORM, "reviewed", "u-1", banked);
            var allowed = matching.checkImage(PLATFORM, "allowed", "u-1", TestImages.png(TestImages.picture(52)));

            assertThat(reviewed.verdict()).isEqualTo(Verdict.REVIEW);
            assertThat(allowed.verdict()).isEqualTo(Verdict.ALLOW);
            assertThat(media.forContent(new ContentId("reviewed"))).hasSize(1);
            assertThat(media.forContent(new ContentId("allowed"))).isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Vendor.class)
    void answersTheCheckWhenTheImageCannotBeKept(TestDatabase.Vendor vendor) throws Exception {
        try (var db = TestDatabase.create(vendor)) {
            // A plain file where the media directory should be: every write fails.
            java.nio.file.Files.writeString(db.dataDirectory().resolve("not-a-directory"), "x");
            try (var context = MatchingContext.open(
                    db, "redress.media.directory=" + db.dataDirectory().resolve("not-a-directory"))) {
                context.getBean(MatchIndex.class).refresh();
                var matching = context.getBean(Matching.class);

                var result = matching.checkImage(PLATFORM, "unkept", "u-1", TestImages.png(TestImages.picture(53)));

                assertThat(result.verdict()).isEqualTo(Verdict.ALLOW);
                assertThat(context.getBean(Media.class).forContent(new ContentId("unkept")))
                        .isEmpty();
            }
        }
    }
}
