package org.redress.server.referral;

import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Objects;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

/**
 * The CyberTipline Reporting API as its public documentation describes it: HTTP Basic
 * authentication; {@code POST /submit} takes the report's XML and answers a {@code reportResponse}
 * carrying the new {@code reportId}; {@code POST /upload}, a {@code multipart/form-data} body with
 * the fields {@code id} (the report id) and {@code file}, adds a file to the open report and answers
 * its {@code fileId} and the MD5 {@code hash} NCMEC computed; {@code POST /fileinfo} takes the
 * file's {@code fileDetails} XML; {@code POST /finish} with the form field {@code id} completes
 * the report and answers a {@code reportDoneResponse}; {@code POST /retract} with the same field
 * withdraws a report that is not finished. A {@code responseCode} of 0 is success; any
 * other code, or an HTTP status other than 200, is a refusal. Nothing here retries: the sender
 * does, from the state it stored after each answer.
 */
final class CyberTiplineClient {

    private final URI base;
    private final String authorization;
    private final Duration timeout;
    private final HttpClient http;

    CyberTiplineClient(URI base, String username, String password, Duration timeout) {
        String path = base.getPath() == null ? "" : base.getPath();
        this.base = path.endsWith("/") ? base : URI.create(base + "/");
        this.authorization = "Basic "
                + Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
        this.timeout = timeout;
        this.http = HttpClient.newBuilder()
                .connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /** Opens the report; returns the id NCMEC gave it. */
    String submit(String reportXml) {
        Document answer = post("submit", "text/xml; charset=utf-8", reportXml);
        return text(answer, "reportId");
    }

    /**
     * What {@code /upload} answered.
     *
     * @param fileId the id NCMEC gave the file within the report
     * @param md5 the MD5 NCMEC computed of what it received, when it said
     */
    record Uploaded(String fileId, java.util.Optional<String> md5) {}

    /**
     * Adds a file to the open report.
     *
     * @throws CyberTiplineException when NCMEC refuses it, or the MD5 it computed is not the file's
     */
    Uploaded upload(String reportId, String fileName, byte[] file, String md5) {
        String boundary = "redress-" + java.util.UUID.randomUUID();
        var body = new java.io.ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"id\"\r\n\r\n" + reportId
                        + "\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
                        + fileName.replaceAll("[^A-Za-z0-9._-]", "_")
                        + "\"\r\nContent-Type: application/octet-stream\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8));
        body.writeBytes(file);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        Document answer = post("upload", "multipart/form-data; boundary=" + boundary, body.toByteArray());
        var hash = answer.getElementsByTagName("hash");
        java.util.Optional<String> received = hash.getLength() == 0
                ? java.util.Optional.empty()
                : java.util.Optional.of(hash.item(0).getTextContent().strip());
        if (received.isPresent() && !received.get().equalsIgnoreCase(md5)) {
            throw new CyberTiplineException("upload: NCMEC received other bytes (MD5 differs)", null);
        }
        return new Uploaded(text(answer, "fileId"), received);
    }

    /** Describes an uploaded file ({@code fileDetails}). */
    void fileInfo(String fileDetailsXml) {
        post("fileinfo", "text/xml; charset=utf-8", fileDetailsXml);
    }

    /** Finishes the report: from now on it is a CyberTipline report. */
    void finish(String reportId) {
        post(
                "finish",
                "application/x-www-form-urlencoded",
                "id=" + URLEncoder.encode(reportId, StandardCharsets.UTF_8));
    }

    /** Withdraws a report that was opened and not finished. */
    void retract(String reportId) {
        post(
                "retract",
                "application/x-www-form-urlencoded",
                "id=" + URLEncoder.encode(reportId, StandardCharsets.UTF_8));
    }

    private Document post(String operation, String contentType, String body) {
        return post(operation, contentType, body.getBytes(StandardCharsets.UTF_8));
    }

    private Document post(String operation, String contentType, byte[] body) {
        var request = HttpRequest.newBuilder(base.resolve(operation))
                .timeout(timeout)
                .header("Authorization", authorization)
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new CyberTiplineException(operation + ": " + e.getClass().getSimpleName(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CyberTiplineException(operation + ": interrupted", e);
        }
        if (response.statusCode() != 200) {
            throw new CyberTiplineException(operation + ": HTTP " + response.statusCode(), null);
        }
        Document answer = parse(operation, response.body());
        String code = text(answer, "responseCode");
        if (!"0".equals(code)) {
            throw new CyberTiplineException(operation + ": responseCode " + code, null);
        }
        return answer;
    }

    private static Document parse(String operation, String xml) {
        try {
            var factory = DocumentBuilderFactory.newInstance();
            // An answer is data, never a way to make us read files or fetch URLs.
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            factory.setExpandEntityReferences(false);
            return factory.newDocumentBuilder().parse(new InputSource(new StringReader(xml)));
        } catch (ParserConfigurationException | SAXException | IOException e) {
            throw new CyberTiplineException(operation + ": unreadable answer", e);
        }
    }

    private static String text(Document answer, String element) {
        var nodes = answer.getElementsByTagName(element);
        if (nodes.getLength() == 0 || nodes.item(0).getTextContent().isBlank()) {
            throw new CyberTiplineException("the answer has no " + element, null);
        }
        return nodes.item(0).getTextContent().strip();
    }

    /** A failed call: {@link #getMessage()} names the operation and what went wrong, never the report. */
    static final class CyberTiplineException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        CyberTiplineException(String message, @org.jspecify.annotations.Nullable Throwable cause) {
            super(Objects.requireNonNull(message), cause);
        }
    }
}
