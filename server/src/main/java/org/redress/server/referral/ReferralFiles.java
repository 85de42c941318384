package org.redress.server.referral;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import org.redress.server.media.Media;
import org.redress.server.media.MediaDamagedException;
import org.redress.server.media.MediaId;
import org.redress.server.media.MediaNotFoundException;
import org.redress.server.shared.ImageFileTypes;
import org.redress.server.storage.SqlDialect;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Uploads one file of a CyberTipline referral and describes it, each step committed after NCMEC's
 * answer: the {@code fileId} from {@code /upload} is stored before {@code /fileinfo} is called, so a
 * restart between the two describes the file without uploading it again, and a file described
 * already is skipped. The file is the original as media keeps it, decrypted only for the upload. A
 * file media can no longer give (purged, or failing authentication) is recorded as such and left
 * out; the report is still finished, since the report itself is what the law requires.
 */
@Component
class ReferralFiles {

    private final ReferralStore store;
    private final Media media;
    private final Clock clock;
    private final TransactionTemplate transactions;

    ReferralFiles(ReferralStore store, Media media, Clock clock, PlatformTransactionManager transactionManager) {
        this.store = store;
        this.media = media;
        this.clock = clock;
        this.transactions = new TransactionTemplate(transactionManager);
    }

    void send(CyberTiplineClient client, String referralId, String reportId, ReferralStore.File file) {
        if (file.described() || file.missing().isPresent()) {
            return;
        }
        ReferralStore.Uploaded uploaded;
        if (file.fileId().isPresent()) {
            uploaded = new ReferralStore.Uploaded(
                    file.fileId().get(),
                    file.fileName().orElseThrow(),
                    0,
                    file.md5().orElseThrow(),
                    file.sha256().orElseThrow());
        } else {
            byte[] bytes;
            try {
                bytes = media.open(new MediaId(file.mediaId()));
            } catch (MediaNotFoundException e) {
                missing(referralId, file, "PURGED");
                return;
            } catch (MediaDamagedException e) {
                missing(referralId, file, "DAMAGED");
                return;
            }
            String md5 = digest("MD5", bytes);
            String name = fileName(file.mediaId(), bytes);
            String fileId = client.upload(reportId, name, bytes, md5).fileId();
            uploaded = new ReferralStore.Uploaded(fileId, name, bytes.length, md5, digest("SHA-256", bytes));
            ReferralStore.Uploaded stored = uploaded;
            // Stored before /fileinfo: from here a restart describes the file, never uploads it again.
            transactions.executeWithoutResult(status -> store.uploaded(referralId, file.mediaId(), stored, now()));
        }
        var details = new CyberTiplineFileDetails(
                reportId,
                uploaded.fileId(),
                uploaded.fileName(),
                Optional.of(file.contentId()).filter(ReferralRecords::isUrl),
                uploaded.md5(),
                uploaded.sha256(),
                "Redress content id " + file.contentId() + "; the file as the platform sent it to Redress.");
        String xml = details.xml();
        CyberTiplineSchema.check(xml);
        client.fileInfo(xml);
        String fileId = uploaded.fileId();
        transactions.executeWithoutResult(status -> store.described(referralId, file.mediaId(), fileId, now()));
    }

    private void missing(String referralId, ReferralStore.File file, String why) {
        transactions.executeWithoutResult(status -> store.fileMissing(referralId, file.mediaId(), why, now()));
    }

    /** The name the file is uploaded under: media's id, shortened, and the type its first bytes show. */
    static String fileName(String mediaId, byte[] bytes) {
        return "redress-" + mediaId.substring(0, Math.min(16, mediaId.length())) + "."
                + ImageFileTypes.extensionOf(bytes);
    }

    private static String digest(String algorithm, byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm).digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(algorithm + " is part of every JDK", e);
        }
    }

    private Instant now() {
        return SqlDialect.truncate(clock.instant());
    }
}
