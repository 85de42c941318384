package org.redress.server.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.redress.server.MutableClock;
import org.redress.server.TestDatabase;
import org.redress.server.media.store.BlobFiles;
import org.redress.server.shared.Actor;
import org.redress.server.shared.ContentId;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The facade, its rows and its files on both databases. */
class MediaIntegrationTests {

    private static final Actor LAWYER = new Actor.Staff("counsel");
    private static final byte[] FIRST = MediaImages.png(MediaImages.detailed(11, 120, 90));
    private static final byte[] SECOND = MediaImages.png(MediaImages.detailed(12, 120, 90));

    private static List<Path> files(TestDatabase db) throws IOException {
        Path root = db.dataDirectory().resolve("media");
        if (!Files.exists(root)) {
            return List.of();
        }
        try (Stream<Path> all = Files.walk(root)) {
            return all.filter(Files::isRegularFile).toList();
        }
    }

    private static List<String> auditActions(ConfigurableApplicationContext context) {
        return context.getBean(JdbcClient.class)
                .sql("SELECT action FROM audit_entry ORDER BY seq")
                .query(String.class)
                .list();
    }

    private static long count(ConfigurableApplicationContext context, String table) {
        return context.getBean(JdbcClient.class)
                .sql("SELECT COUNT(*) FROM " + table)
                .query(Long.class)
                .single();
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Vendor.class)
    void storesIdenticalBytesOnceAndListsEachContentsMediaNewestFirst(TestDatabase.Vendor vendor) throws IOException {
        try (var db = TestDatabase.create(vendor);
                var context = MediaContext.open(db)) {
            var media = context.getBean(Media.class);
            Instant t0 = Instant.parse("2026-11-30T10:00:00Z");

            MediaId first = media.keep(new ContentId("post-a"), FIRST, t0);
            MediaId again = media.keep(new ContentId("post-b"), FIRST.clone(), t0.plusSeconds(60));
            media.keep(new ContentId("post-a"), FIRST, t0.plusSeconds(120));
            MediaId second = media.keep(new ContentId("post-a"), SECOND, t0.plusSeconds(180));

            assertThat(again).isEqualTo(first);
            assertThat(files(db)).hasSize(2);
            assertThat(count(context, "media_blob")).isEqualTo(2);
            assertThat(count(context, "media_content")).isEqualTo(3);
            assertThat(media.forContent(new ContentId("post-a")))
                    .containsExactly(
                            new StoredMedia(
                                    second,
                                    new ContentId("post-a"),
                                    SECOND.length,
                                    t0.plusSeconds(180),
                                    t0.plusSeconds(180).plus(Duration.ofDays(30)),
                                    false),
                            new StoredMedia(
                                    first,
                                    new ContentId("post-a"),
                                    FIRST.length,
                                    t0,
                                    t0.plus(Duration.ofDays(30)),
                                    false));
            assertThat(media.forContent(new ContentId("post-b")))
                    .extracting(StoredMedia::id)
                    .containsExactly(first);
            assertThat(media.open(first)).isEqualTo(FIRST);
            assertThat(media.forContent(new ContentId("never-sent"))).isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Vendor.class)
    void purgesExpiredMediaButKeepsHeldOnesAndFilesStillReferred(TestDatabase.Vendor vendor) throws IOException {
        try (var db = TestDatabase.create(vendor);
                var context = MediaContext.open(db, "redress.media.retention=P10D")) {
            var media = context.getBean(Media.class);
            var clock = ((MutableClock) context.getBean(Clock.class));
            Instant start = clock.instant();
            MediaId shared = media.keep(new ContentId("expires-first"), FIRST, start);
            media.keep(new ContentId("expires-later"), FIRST, start.plus(Duration.ofDays(5)));
            MediaId held = media.keep(new ContentId("held"), SECOND, start);
            media.hold(LAWYER, new ContentId("held"), "preservation order 2026/17 for the court");

            clock.advance(Duration.ofDays(10));
            assertThat(media.purgeExpired()).isEqualTo(1);
            assertThat(media.forContent(new ContentId("expires-first"))).isEmpty();
            assertThat(media.open(shared))
                    .as("still referred to by expires-later")
                    .isEqualTo(FIRST);
            assertThat(media.forContent(new ContentId("held")))
                    .singleElement()
                    .satisfies(m -> assertThat(m.held()).isTrue());

            clock.advance(Duration.ofDays(5));
            assertThat(media.purgeExpired()).isEqualTo(1);
            assertThatThrownBy(() -> media.open(shared)).isInstanceOf(MediaNotFoundException.class);
            assertThat(media.open(held)).isEqualTo(SECOND);
            assertThat(files(db)).hasSize(1);

            media.release(LAWYER, new ContentId("held"));
            media.release(LAWYER, new ContentId("held"));
            assertThat(media.purgeExpired()).isEqualTo(1);
            assertThat(media.purgeExpired()).isZero();
            assertThatThrownBy(() -> media.open(held)).isInstanceOf(MediaNotFoundException.class);
            assertThat(files(db)).isEmpty();
            assertThat(count(context, "media_blob")).isZero();
            assertThat(auditActions(context))
                    .containsExactly("media.held", "media.purged", "media.purged", "media.released", "media.purged");
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Vendor.class)
    void storesAHoldsReasonEncrypted(TestDatabase.Vendor vendor) {
        try (var db = TestDatabase.create(vendor);
                var context = MediaContext.open(db)) {
            var media = context.getBean(Media.class);

            media.hold(LAWYER, new ContentId("post-h"), "police request 4711");
            media.hold(LAWYER, new ContentId("post-h"), "police request 4712");

            String stored = context.getBean(JdbcClient.class)
                    .sql("SELECT reason FROM media_hold")
                    .query(String.class)
                    .single();
            assertThat(stored).startsWith("v1:").doesNotContain("police").doesNotContain("4712");
            assertThat(auditActions(context)).containsExactly("media.held", "media.held");
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Vendor.class)
    void failsClearlyOnATamperedFileAndRefusesAHostilePreview(TestDatabase.Vendor vendor) throws IOException {
        try (var db = TestDatabase.create(vendor);
                var context = MediaContext.open(db)) {
            var media = context.getBean(Media.class);
            MediaId good = media.keep(new ContentId("post-t"), FIRST, Instant.parse("2026-11-30T10:00:00Z"));
            MediaId bomb = media.keep(
                    new ContentId("post-bomb"), MediaImages.pngBomb(10_000), Instant.parse("2026-11-30T10:00:00Z"));

            assertThat(media.preview(good)).startsWith(0x89, 'P', 'N', 'G');
            assertThatThrownBy(() -> media.preview(bomb))
                    .isInstanceOfSatisfying(
                            PreviewUnavailableException.class,
                            e -> assertThat(e.revealable()).containsEntry("reason", "too-many-pixels"));

            Path file = context.getBean(BlobFiles.class).pathOf(good);
            byte[] sealed = Files.readAllBytes(file);
            sealed[40] ^= 0x20;
            Files.write(file, sealed);
            assertThatThrownBy(() -> media.open(good))
                    .isInstanceOf(MediaDamagedException.class)
                    .hasMessageContaining("failed authentication");
            assertThatThrownBy(() -> media.preview(good)).isInstanceOf(MediaDamagedException.class);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Vendor.class)
    void joinsTheCallersTransactionAndRemovesItsFileOnRollback(TestDatabase.Vendor vendor) throws IOException {
        try (var db = TestDatabase.create(vendor);
                var context = MediaContext.open(db)) {
            var media = context.getBean(Media.class);
            var transaction = new TransactionTemplate(context.getBean(PlatformTransactionManager.class));

            transaction.executeWithoutResult(status -> {
                media.keep(new ContentId("post-r"), FIRST, Instant.parse("2026-11-30T10:00:00Z"));
                status.setRollbackOnly();
            });

            assertThat(media.forContent(new ContentId("post-r"))).isEmpty();
            assertThat(count(context, "media_blob")).isZero();
            assertThat(files(db)).isEmpty();
            MediaId kept = media.keep(new ContentId("post-r"), FIRST, Instant.parse("2026-11-30T10:00:00Z"));
            assertThat(media.open(kept)).isEqualTo(FIRST);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Vendor.class)
    void sweepsFilesThatNoRowNamesOnceTheyAreADayOld(TestDatabase.Vendor vendor) throws IOException {
        try (var db = TestDatabase.create(vendor);
                var context = MediaContext.open(db)) {
            var media = context.getBean(Media.class);
            var files = context.getBean(BlobFiles.class);
            Instant now = ((MutableClock) context.getBean(Clock.class)).instant();
            MediaId kept = media.keep(new ContentId("post-o"), FIRST, now);
            MediaId crashed = files.idOf(SECOND);
            files.write(crashed, SECOND);
            MediaId inFlight = files.idOf(MediaImages.png(MediaImages.detailed(13, 32, 32)));
            files.write(inFlight, MediaImages.png(MediaImages.detailed(13, 32, 32)));
            Path leftover = files.pathOf(kept).resolveSibling(kept.value() + ".tmp-interrupted");
            Files.write(leftover, new byte[] {1, 2, 3});
            var old = java.nio.file.attribute.FileTime.from(now.minus(Duration.ofDays(2)));
            for (Path path : List.of(files.pathOf(kept), files.pathOf(crashed), leftover)) {
                Files.setLastModifiedTime(path, old);
            }
            Files.setLastModifiedTime(files.pathOf(inFlight), java.nio.file.attribute.FileTime.from(now));

            assertThat(media.sweepOrphans()).isEqualTo(1);

            assertThat(files(db)).containsExactlyInAnyOrder(files.pathOf(kept), files.pathOf(inFlight));
            assertThat(media.open(kept)).isEqualTo(FIRST);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Vendor.class)
    void storesOneFileWhenManyContentsSendTheSameBytesAtOnce(TestDatabase.Vendor vendor) throws Exception {
        try (var db = TestDatabase.create(vendor);
                var context = MediaContext.open(db)) {
            var media = context.getBean(Media.class);
            int writers = 8;
            var start = new java.util.concurrent.CountDownLatch(1);
            try (var pool = java.util.concurrent.Executors.newFixedThreadPool(writers)) {
                var results = new java.util.ArrayList<java.util.concurrent.Future<MediaId>>();
                for (int i = 0; i < writers; i++) {
                    String contentId = "burst-" + i;
                    results.add(pool.submit(() -> {
                        start.await();
                        return media.keep(new ContentId(contentId), FIRST, Instant.parse("2026-11-30T10:00:00Z"));
                    }));
                }
                start.countDown();
                var ids = new java.util.HashSet<MediaId>();
                for (var result : results) {
                    ids.add(result.get(60, java.util.concurrent.TimeUnit.SECONDS));
                }
                assertThat(ids).hasSize(1);
            }
            assertThat(files(db)).hasSize(1);
            assertThat(count(context, "media_blob")).isEqualTo(1);
            assertThat(count(context, "media_content")).isEqualTo(writers);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Vendor.class)
    void refusesEmptyImagesAndMalformedContentIds(TestDatabase.Vendor vendor) throws IOException {
        try (var db = TestDatabase.create(vendor);
                var context = MediaContext.open(db)) {
            var media = context.getBean(Media.class);
            Instant at = Instant.parse("2026-11-30T10:00:00Z");

            assertThatThrownBy(() -> media.keep(new ContentId("post"), new byte[0], at))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> media.keep(new ContentId(""), FIRST, at))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> media.keep(new ContentId("x".repeat(201)), FIRST, at))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> media.hold(LAWYER, new ContentId("post"), " "))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> media.open(new MediaId("0".repeat(64))))
                    .isInstanceOf(MediaNotFoundException.class);
            assertThat(files(db)).isEmpty();
        }
    }
}
