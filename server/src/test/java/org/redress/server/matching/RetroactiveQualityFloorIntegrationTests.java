package org.redress.server.matching;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.redress.pdq.PdqHash;
import org.redress.pdq.Quality;
import org.redress.server.TestDatabase;
import org.redress.server.intake.HashesSubmitted;
import org.redress.server.intake.SubmittedHash;
import org.redress.server.matching.banks.MatchIndex;
import org.redress.server.matching.check.UploadHashing;
import org.redress.server.shared.Actor;
import org.redress.server.shared.CaseRef;
import org.redress.server.shared.ContentId;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.PayloadApplicationEvent;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A retroactive scan holds earlier uploads to the bank's quality floor as their checks would have:
 * an upload registered with a PDQ quality under the floor is found by its digests only, one at or
 * above it (or of unknown quality) by its PDQ hash too. Every scan path, on both databases.
 */
class RetroactiveQualityFloorIntegrationTests {

    private static final Actor ADMIN = new Actor.Staff("bank-admin");
    private static final Actor PLATFORM = new Actor.ApiKey("platform-key");
    private static final String MD5 = "00112233445566778899aabbccddeeff";
    private static final String SHA256 = "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff";

    private static PdqHash pdqOf(int seed) {
        return UploadHashing.hash(TestImages.png(TestImages.picture(seed)))
                .hashes()
                .pdq()
                .orElseThrow();
    }

    /** A hash a few bits from {@code hash}: close enough to match, not equal. */
    private static PdqHash near(PdqHash hash) {
        return new PdqHash(hash.w0() ^ 0b1011, hash.w1(), hash.w2() ^ 1L, hash.w3());
    }

    private static Matching ready(ConfigurableApplicationContext context) {
        context.getBean(MatchIndex.class).refresh();
        return context.getBean(Matching.class);
    }

    private static List<String> foundContent(ConfigurableApplicationContext context) {
        List<String> found = new ArrayList<>();
        context.addApplicationListener((ApplicationListener<PayloadApplicationEvent<?>>) event -> {
            if (event.getPayload() instanceof MatchFound match) {
                found.add(match.contentId().value());
            }
        });
        return found;
    }

    /** Registers the same hash four times: under the floor, under it with a digest, at it, unknown. */
    private static void checkEarlierUploads(Matching matching, PdqHash hash, EntryHashes digests) {
        matching.check(
                PLATFORM, new Upload("poor", "u-1", EntryHashes.ofPdq(hash), List.of(), Optional.of(new Quality(49))));
        matching.check(
                PLATFORM,
                new Upload(
                        "poor-with-digest",
                        "u-2",
                        new EntryHashes(Optional.of(hash), digests.md5(), digests.sha256()),
                        List.of(),
                        Optional.of(new Quality(10))));
        matching.check(
                PLATFORM,
                new Upload("at-floor", "u-3", EntryHashes.ofPdq(hash), List.of(), Optional.of(new Quality(50))));
        matching.check(PLATFORM, new Upload("unknown", "u-4", EntryHashes.ofPdq(hash), List.of()));
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Vendor.class)
    void findsAnEarlierUploadUnderTheFloorByItsDigestOnlyWhenAnEntryIsAdded(TestDatabase.Vendor vendor) {
        try (var db = TestDatabase.create(vendor);
                var context = MatchingContext.open(db)) {
            var matching = ready(context);
            var found = foundContent(context);
            PdqHash hash = pdqOf(31);
            checkEarlierUploads(matching, hash, new EntryHashes(Optional.empty(), Optional.of(MD5), Optional.empty()));
            matching.createBank(ADMIN, new BankName("floored"), BankAction.BLOCK, 31, 50);

            matching.addEntry(
                    ADMIN,
                    new BankName("floored"),
                    EntryHashes.ofPdq(near(hash)),
                    Optional.empty(),
                    Optional.empty(),
                    new Provenance(Provenance.Source.CASE, "CASE-0031"));
            assertThat(found).containsExactlyInAnyOrder("at-floor", "unknown");

            found.clear();
            matching.addEntry(
                    ADMIN,
                    new BankName("floored"),
                    new EntryHashes(Optional.empty(), Optional.of(MD5), Optional.empty()),
                    Optional.empty(),
                    Optional.empty(),
                    new Provenance(Provenance.Source.CASE, "CASE-0032"));
            assertThat(found).containsExactly("poor-with-digest");
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Vendor.class)
    void findsAnEarlierUploadUnderTheFloorByItsDigestOnlyWhenAListIsImported(TestDatabase.Vendor vendor) {
        try (var db = TestDatabase.create(vendor);
                var context = MatchingContext.open(db)) {
            var matching = ready(context);
            var found = foundContent(context);
            PdqHash hash = pdqOf(32);
            checkEarlierUploads(
                    matching, hash, new EntryHashes(Optional.empty(), Optional.empty(), Optional.of(SHA256)));
            matching.createBank(ADMIN, new BankName("partner-list"), BankAction.REVIEW, 31, 50);

            matching.importEntries(
                    ADMIN,
                    new BankName("partner-list"),
                    HashListFormat.TEXT,
                    Stream.of("pdq " + near(hash).toHex()));
            assertThat(found).containsExactlyInAnyOrder("at-floor", "unknown");

            found.clear();
            matching.importEntries(
                    ADMIN, new BankName("partner-list"), HashListFormat.TEXT, Stream.of("sha256 " + SHA256));
            assertThat(found).containsExactly("poor-with-digest");
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Vendor.class)
    void holdsEarlierUploadsToTheFloorWhenAVictimsHashOrARemovedImageIsBanked(TestDatabase.Vendor vendor) {
        try (var db = TestDatabase.create(vendor);
                var context = MatchingContext.open(db)) {
            var matching = ready(context);
            var found = foundContent(context);
            PdqHash hash = pdqOf(33);
            checkEarlierUploads(matching, hash, new EntryHashes(Optional.empty(), Optional.of(MD5), Optional.empty()));
            var transaction = new TransactionTemplate(context.getBean(PlatformTransactionManager.class));

            transaction.executeWithoutResult(status -> context.publishEvent(new HashesSubmitted(
                    new CaseRef("SUB-33333"),
                    List.of(new SubmittedHash(
                            near(hash), Optional.of(new Quality(80)), Optional.empty(), Optional.empty())),
                    Instant.parse("2026-12-01T00:00:00Z"))));
            assertThat(found).containsExactlyInAnyOrder("at-floor", "unknown");

            found.clear();
            // The removed content's own upload check was under the floor: its banked hash still
            // finds only the uploads whose checks would have matched it by PDQ, and its digest.
            transaction.executeWithoutResult(status -> matching.bankConfirmedRemoval(
                    ADMIN, new CaseRef("CASE-0033"), new ContentId("poor-with-digest"), Optional.empty()));
            assertThat(found).containsExactlyInAnyOrder("at-floor", "unknown", "poor-with-digest");
        }
    }
}
