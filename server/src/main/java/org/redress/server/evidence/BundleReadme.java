package org.redress.server.evidence;

import java.nio.charset.StandardCharsets;
import java.util.List;

/** The {@code README.txt} at the top of every bundle: what each file is, and how to check them. */
final class BundleReadme {

    /** What each file is. */
    private static final String GUIDE = """
                content/           the images as received, as the media store kept them; named
                                   by their media id. content/hashes.json gives each one's
                                   SHA-256, MD5, PDQ hash and quality, the content ids it was
                                   received for, when, until when retention keeps it, and
                                   whether review holds it or a legal hold on a case keeps it.
                cases/REF/case.json       the case, its content (content ids or reported URLs,
                                   uploaders as keyed pseudonyms "u1:...", which the operator can
                                   resolve on a lawful request), removal times, and the matches
                                   that found it (bank, entry, PDQ distance, time).
                cases/REF/reports.json    the reports, without the reporters' contact details:
                                   Redress records no consent of a reporter to share their
                                   contact with third parties, so no contact is included. Ask the
                                   operator to contact the reporter.
                cases/REF/complaints.json the reporters' complaints about the handling.
                cases/REF/decisions.json  every decision with its statement of reasons.
                cases/REF/deliveries.json the webhooks that asked the platform to act, and the
                                   platform's acknowledgements (HTTP status and time).
                cases/REF/history.json    the case's dated history.
                cases/REF/police-share.json the reporter's requests that the case be shared
                                   with the police, with the crime reference they gave: their
                                   consent, so the reference appears only where they asked.
                request.json       in a bundle exported for a law-enforcement request: the
                                   request (agency, officer, crime reference, legal basis,
                                   scope, deadline) and its chain of custody so far.
                audit/entries.json the audit log's entries about these cases, their content and
                                   deliveries, with their sequence numbers and chained hashes.
                                   The hashes are keyed with the installation's key: the
                                   operator's "redress audit verify" checks them in place.
                audit/chain.json   whether the whole audit chain verified when this bundle was
                                   made, and its head.
                custody.json       the earlier exports of this case: who, when, why, and the
                                   SHA-256 of each one's manifest.
                """;

    private BundleReadme() {}

    static byte[] text(String caseRef, List<String> cases, String keyFingerprint) {
        String text =
                """
                Redress evidence bundle for case %s
                Cases included: %s (the case asked for, then the cases linked with it either
                way: the case it appeals or copies, and its appeals and copies).

                manifest.json lists every other file with its size and SHA-256. manifest.sig is
                the Ed25519 signature of manifest.json's exact bytes. The key that signed it has
                the SHA-256 fingerprint %s;
                compare it with the public key the operator publishes: the copy in this bundle
                (signing-key.pem, and inside manifest.json) proves that the files are whole, not
                who made them.

                Check it with the operator's published key (operator-key.pem):
                  redress evidence verify BUNDLE.zip --public-key operator-key.pem
                or with standard tools:
                  unzip BUNDLE.zip -d bundle && cd bundle
                  openssl pkeyutl -verify -pubin -inkey operator-key.pem -rawin \\
                      -in manifest.json -sigfile manifest.sig
                  then compare each file's "sha256" in manifest.json with: sha256sum FILE

                """.formatted(caseRef, String.join(", ", cases), keyFingerprint).concat(GUIDE);
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
