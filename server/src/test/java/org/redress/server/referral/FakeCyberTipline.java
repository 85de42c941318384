package org.redress.server.referral;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.StringReader;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.xml.sax.InputSource;

/**
 * A local stand-in for the CyberTipline Reporting API, built from its public documentation:
 * HTTP Basic authentication; {@code POST /submit} with the report's XML answers a
 * {@code reportResponse} with a new {@code reportId}; {@code POST /upload}, {@code multipart/form-data}
 * with the fields {@code id} and {@code file}, answers the file's {@code fileId} and the MD5
 * {@code hash} of what it received; {@code POST /fileinfo} takes a {@code fileDetails} document
 * about a file of that report; {@code POST /finish} and {@code POST /retract} with the form field
 * {@code id} complete or withdraw the report. It checks what it receives as NCMEC would and
 * answers a non-zero {@code responseCode} otherwise: the XML against the schema, the multipart
 * fields, that a file belongs to the report its details name, and the order (submit, then upload,
 * then fileinfo for each file, then finish; nothing after finish or retract). Every refusal is
 * kept in {@link #refusals()}. {@code /fileinfo} and {@code /finish} can be made to fail with 503.
 */
final class FakeCyberTipline implements AutoCloseable {

    static final String USERNAME = "redress-test";
    static final String PASSWORD = "not-a-real-password";

    /** A file as {@code /upload} received it. */
    record Upload(String reportId, String fileId, String fileName, byte[] bytes) {}

    private enum ReportState {
        OPEN,
        FINISHED,
        RETRACTED
    }

    private final HttpServer server;
    private final AtomicLong nextReportId = new AtomicLong(7_000_001);
    private final AtomicLong nextFileId = new AtomicLong(1);
    private final List<String> submitted = new CopyOnWriteArrayList<>();
    private final List<String> finished = new CopyOnWriteArrayList<>();
    private final List<String> finishAttempts = new CopyOnWriteArrayList<>();
    private final List<String> retracted = new CopyOnWriteArrayList<>();
    private final List<Upload> uploads = new CopyOnWriteArrayList<>();
    private final List<String> fileDetails = new CopyOnWriteArrayList<>();
    private final List<String> calls = new CopyOnWriteArrayList<>();
    private final List<String> refusals = new CopyOnWriteArrayList<>();
    private final Map<String, ReportState> reports = new ConcurrentHashMap<>();
    private final Map<String, String> fileReport = new ConcurrentHashMap<>();
    private final Map<String, Boolean> described = new ConcurrentHashMap<>();
    private final AtomicBoolean finishFails = new AtomicBoolean();
    private final AtomicBoolean fileInfoFails = new AtomicBoolean();

    FakeCyberTipline() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/ispws/submit", this::submit);
        server.createContext("/ispws/upload", this::upload);
        server.createContext("/ispws/fileinfo", this::fileInfo);
        server.createContext("/ispws/finish", this::finish);
        server.createContext("/ispws/retract", this::retract);
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/ispws";
    }

    /** The reports received by {@code /submit}, in order. */
    List<String> submitted() {
        return List.copyOf(submitted);
    }

    /** The report ids finished. */
    List<String> finished() {
        return List.copyOf(finished);
    }

    /** Every {@code /finish} call, answered or not. */
    List<String> finishAttempts() {
        return List.copyOf(finishAttempts);
    }

    /** The report ids retracted. */
    List<String> retracted() {
        return List.copyOf(retracted);
    }

    /** The files taken by {@code /upload}, in order. */
    List<Upload> uploads() {
        return List.copyOf(uploads);
    }

    /** The {@code fileDetails} documents taken by {@code /fileinfo}, in order. */
    List<String> fileDetails() {
        return List.copyOf(fileDetails);
    }

    /** Every call as {@code operation} (or {@code operation:503} when made to fail), in order. */
    List<String> calls() {
        return List.copyOf(calls);
    }

    /** Why each call it refused was refused; empty when the client followed the documentation. */
    List<String> refusals() {
        return List.copyOf(refusals);
    }

    void failFinishing(boolean fail) {
        finishFails.set(fail);
    }

    void failFileInfo(boolean fail) {
        fileInfoFails.set(fail);
    }

    private void submit(HttpExchange exchange) throws IOException {
        if (!authorised(exchange)) {
            return;
        }
        calls.add("submit");
        String report = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        try {
            CyberTiplineSchema.check(report);
            if (!"report".equals(root(report).getDocumentElement().getTagName())) {
                throw new IllegalArgumentException("not a report");
            }
        } catch (RuntimeException e) {
            refuse(exchange, "submit: invalid report");
            return;
        }
        submitted.add(report);
        String id = Long.toString(nextReportId.getAndIncrement());
        reports.put(id, ReportState.OPEN);
        answer(exchange, 200, response("<reportId>" + id + "</reportId>"));
    }

    private void upload(HttpExchange exchange) throws IOException {
        if (!authorised(exchange)) {
            return;
        }
        calls.add("upload");
        String type = String.valueOf(exchange.getRequestHeaders().getFirst("Content-Type"));
        if (!type.startsWith("multipart/form-data; boundary=")) {
            refuse(exchange, "upload: not multipart/form-data");
            return;
        }
        Map<String, Part> parts =
                multipart(exchange.getRequestBody().readAllBytes(), type.substring(type.indexOf('=') + 1));
        Part id = parts.get("id");
        Part file = parts.get("file");
        if (id == null || file == null || file.fileName() == null || file.bytes().length == 0) {
            refuse(exchange, "upload: needs the fields id and file (with a file name)");
            return;
        }
        String reportId = new String(id.bytes(), StandardCharsets.UTF_8);
        if (reports.get(reportId) != ReportState.OPEN) {
            refuse(exchange, "upload: report " + reportId + " is not open");
            return;
        }
        String fileId = "f" + nextFileId.getAndIncrement();
        fileReport.put(fileId, reportId);
        uploads.add(new Upload(reportId, fileId, file.fileName(), file.bytes()));
        answer(
                exchange,
                200,
                response("<reportId>" + reportId + "</reportId><fileId>" + fileId + "</fileId><hash>"
                        + md5(file.bytes()) + "</hash>"));
    }

    private void fileInfo(HttpExchange exchange) throws IOException {
        if (!authorised(exchange)) {
            return;
        }
        String xml = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        if (fileInfoFails.get()) {
            calls.add("fileinfo:503");
            answer(exchange, 503, "unavailable");
            return;
        }
        calls.add("fileinfo");
        String reportId;
        String fileId;
        try {
            CyberTiplineSchema.check(xml);
            Document details = root(xml);
            if (!"fileDetails".equals(details.getDocumentElement().getTagName())) {
                throw new IllegalArgumentException("not fileDetails");
            }
            reportId = details.getElementsByTagName("reportId").item(0).getTextContent();
            fileId = details.getElementsByTagName("fileId").item(0).getTextContent();
        } catch (RuntimeException e) {
            refuse(exchange, "fileinfo: invalid fileDetails");
            return;
        }
        if (reports.get(reportId) != ReportState.OPEN) {
            refuse(exchange, "fileinfo: report " + reportId + " is not open");
            return;
        }
        if (!reportId.equals(fileReport.get(fileId))) {
            refuse(exchange, "fileinfo: file " + fileId + " was not uploaded to report " + reportId);
            return;
        }
        described.put(fileId, true);
        fileDetails.add(xml);
        answer(exchange, 200, response("<reportId>" + reportId + "</reportId>"));
    }

    private void finish(HttpExchange exchange) throws IOException {
        if (!authorised(exchange)) {
            return;
        }
        String id = formId(exchange);
        finishAttempts.add(id);
        if (finishFails.get()) {
            calls.add("finish:503");
            answer(exchange, 503, "unavailable");
            return;
        }
        calls.add("finish");
        if (reports.get(id) != ReportState.OPEN) {
            refuse(exchange, "finish: report " + id + " is not open");
            return;
        }
        var files = new StringBuilder();
        for (var file : fileReport.entrySet()) {
            if (file.getValue().equals(id)) {
                if (!described.containsKey(file.getKey())) {
                    refuse(exchange, "finish: file " + file.getKey() + " has no fileinfo");
                    return;
                }
                files.append("<fileId>").append(file.getKey()).append("</fileId>");
            }
        }
        reports.put(id, ReportState.FINISHED);
        finished.add(id);
        answer(
                exchange,
                200,
                "<reportDoneResponse><responseCode>0</responseCode><reportId>" + id + "</reportId><files>" + files
                        + "</files></reportDoneResponse>");
    }

    private void retract(HttpExchange exchange) throws IOException {
        if (!authorised(exchange)) {
            return;
        }
        calls.add("retract");
        String id = formId(exchange);
        if (reports.get(id) != ReportState.OPEN) {
            refuse(exchange, "retract: report " + id + " is not open");
            return;
        }
        reports.put(id, ReportState.RETRACTED);
        retracted.add(id);
        answer(exchange, 200, response("<reportId>" + id + "</reportId>"));
    }

    private static String formId(HttpExchange exchange) throws IOException {
        String form = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        return form.startsWith("id=") ? URLDecoder.decode(form.substring(3), StandardCharsets.UTF_8) : "";
    }

    private record Part(String name, String fileName, byte[] bytes) {}

    /** The parts of a multipart/form-data body by name: read as ISO-8859-1 so every byte survives. */
    private static Map<String, Part> multipart(byte[] body, String boundary) {
        String text = new String(body, StandardCharsets.ISO_8859_1);
        var parts = new LinkedHashMap<String, Part>();
        String delimiter = "--" + boundary;
        for (String chunk : text.split(java.util.regex.Pattern.quote(delimiter))) {
            if (chunk.isEmpty() || chunk.startsWith("--")) {
                continue;
            }
            int split = chunk.indexOf("\r\n\r\n");
            if (!chunk.startsWith("\r\n") || split < 0 || !chunk.endsWith("\r\n")) {
                continue;
            }
            String headers = chunk.substring(2, split);
            String content = chunk.substring(split + 4, chunk.length() - 2);
            String name = attribute(headers, "name");
            if (name != null) {
                parts.put(
                        name,
                        new Part(name, attribute(headers, "filename"), content.getBytes(StandardCharsets.ISO_8859_1)));
            }
        }
        return parts;
    }

    private static String attribute(String headers, String attribute) {
        var matcher = java.util.regex.Pattern.compile("[; ]" + attribute + "=\"([^\"]*)\"")
                .matcher(headers);
        return matcher.find() ? matcher.group(1) : null;
    }

    private static Document root(String xml) {
        try {
            var factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            return factory.newDocumentBuilder().parse(new InputSource(new StringReader(xml)));
        } catch (Exception e) {
            throw new IllegalArgumentException("unreadable XML", e);
        }
    }

    static String md5(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String response(String more) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><reportResponse><responseCode>0</responseCode>"
                + "<responseDescription>Success</responseDescription>" + more + "</reportResponse>";
    }

    private void refuse(HttpExchange exchange, String why) throws IOException {
        refusals.add(why);
        answer(
                exchange,
                200,
                "<reportResponse><responseCode>1000</responseCode><responseDescription>" + why.replaceAll("[<>&]", "_")
                        + "</responseDescription></reportResponse>");
    }

    private static boolean authorised(HttpExchange exchange) throws IOException {
        String expected = "Basic "
                + Base64.getEncoder().encodeToString((USERNAME + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
        if (!"POST".equals(exchange.getRequestMethod())
                || !expected.equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
            answer(exchange, 401, "unauthorised");
            return false;
        }
        return true;
    }

    private static void answer(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/xml; charset=utf-8");
        exchange.sendResponseHeaders(status, bytes.length);
        try (var out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }

    @Override
    public String toString() {
        return "FakeCyberTipline" + Arrays.asList(calls.toArray());
    }
}
