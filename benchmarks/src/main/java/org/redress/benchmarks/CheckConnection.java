package org.redress.benchmarks;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;

/**
 * One keep-alive HTTP/1.1 connection to the check route: a request written, its whole answer read.
 * Written on a socket rather than with the JDK client so the load generator costs little CPU beside
 * the service it measures, and no request waits for a pooled connection.
 */
final class CheckConnection {

    private static final int READ_TIMEOUT_MILLIS = 10_000;

    private final CheckTarget target;
    private final Socket socket;
    private final OutputStream out;
    private final InputStream in;
    private boolean closedByServer;
    private int retryAfterSeconds;
    /** The last answer's body when it was kept ({@link #postBatch}), else empty. */
    private byte[] lastBody = new byte[0];

    private CheckConnection(CheckTarget target, Socket socket) throws IOException {
        this.target = target;
        this.socket = socket;
        this.out = socket.getOutputStream();
        this.in = new BufferedInputStream(socket.getInputStream(), 16 * 1024);
    }

    static CheckConnection open(CheckTarget target) throws IOException {
        var socket = new Socket();
        try {
            socket.setTcpNoDelay(true);
            socket.setSoTimeout(READ_TIMEOUT_MILLIS);
            socket.connect(new InetSocketAddress(target.host(), target.port()), READ_TIMEOUT_MILLIS);
            return new CheckConnection(target, socket);
        } catch (IOException e) {
            socket.close();
            throw e;
        }
    }

    /** Sends one JSON check and reads the whole answer; returns its status code. */
    int post(byte[] body) throws IOException {
        return post("application/json", body);
    }

    /** Sends one check with the given body type and reads the whole answer; returns its status code. */
    int post(String contentType, byte[] body) throws IOException {
        return post(target.path(), contentType, body, false);
    }

    /** Sends one batch of JSON checks and reads the whole answer, keeping its body; returns its status. */
    int postBatch(byte[] body) throws IOException {
        return post(target.batchPath(), "application/json", body, true);
    }

    /** The body of the last answer to {@link #postBatch}. */
    String lastBody() {
        return new String(lastBody, StandardCharsets.UTF_8);
    }

    private int post(String path, String contentType, byte[] body, boolean keep) throws IOException {
        String head = "POST " + path + " HTTP/1.1\r\nHost: " + target.host() + ":" + target.port()
                + "\r\nAuthorization: Bearer " + target.key()
                + "\r\nContent-Type: " + contentType + "\r\nAccept: application/json\r\nContent-Length: "
                + body.length + "\r\n\r\n";
        byte[] headBytes = head.getBytes(StandardCharsets.ISO_8859_1);
        byte[] request = Arrays.copyOf(headBytes, headBytes.length + body.length);
        System.arraycopy(body, 0, request, headBytes.length, body.length);
        out.write(request);
        out.flush();
        return readAnswer(keep);
    }

    boolean closedByServer() {
        return closedByServer;
    }

    /** The last answer's Retry-After in seconds (0 when it had none or not in seconds). */
    int retryAfterSeconds() {
        return retryAfterSeconds;
    }

    private int readAnswer(boolean keep) throws IOException {
        String statusLine = line();
        String[] parts = statusLine.split(" ", 3);
        if (parts.length < 2 || !parts[0].startsWith("HTTP/1.")) {
            throw new IOException("not an HTTP answer: " + statusLine);
        }
        int status;
        try {
            status = Integer.parseInt(parts[1]);
        } catch (NumberFormatException e) {
            throw new IOException("not an HTTP status: " + statusLine, e);
        }
        long length = -1;
        boolean chunked = false;
        retryAfterSeconds = 0;
        for (String header = line(); !header.isEmpty(); header = line()) {
            int colon = header.indexOf(':');
            if (colon < 0) {
                continue;
            }
            String name = header.substring(0, colon).trim().toLowerCase(Locale.ROOT);
            String value = header.substring(colon + 1).trim();
            switch (name) {
                case "content-length" -> length = Long.parseLong(value);
                case "transfer-encoding" ->
                    chunked = value.toLowerCase(Locale.ROOT).contains("chunked");
                case "connection" -> closedByServer = value.equalsIgnoreCase("close");
                case "retry-after" -> retryAfterSeconds = value.matches("\\d{1,4}") ? Integer.parseInt(value) : 0;
                default -> {
                    // not needed to find the end of the answer
                }
            }
        }
        var kept = new ByteArrayOutputStream(keep ? 4096 : 0);
        if (chunked) {
            for (long size = chunkSize(); size > 0; size = chunkSize()) {
                read(size, keep, kept);
                line();
            }
            for (String trailer = line(); !trailer.isEmpty(); trailer = line()) {
                // trailers are not used
            }
        } else if (length >= 0) {
            read(length, keep, kept);
        } else {
            closedByServer = true; // the body runs to the end of the connection
            in.transferTo(keep ? kept : OutputStream.nullOutputStream());
        }
        lastBody = kept.toByteArray();
        return status;
    }

    private void read(long bytes, boolean keep, ByteArrayOutputStream kept) throws IOException {
        if (!keep) {
            skip(bytes);
            return;
        }
        byte[] read = in.readNBytes((int) bytes);
        if (read.length < bytes) {
            throw new IOException("answer ended early");
        }
        kept.writeBytes(read);
    }

    private long chunkSize() throws IOException {
        String line = line();
        int extension = line.indexOf(';');
        try {
            return Long.parseLong((extension < 0 ? line : line.substring(0, extension)).trim(), 16);
        } catch (NumberFormatException e) {
            throw new IOException("bad chunk size: " + line, e);
        }
    }

    private void skip(long bytes) throws IOException {
        long left = bytes;
        while (left > 0) {
            long skipped = in.skip(left);
            if (skipped <= 0) {
                if (in.read() < 0) {
                    throw new IOException("answer ended early");
                }
                skipped = 1;
            }
            left -= skipped;
        }
    }

    private String line() throws IOException {
        var bytes = new ByteArrayOutputStream(64);
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0) {
                throw new IOException("connection closed by the server");
            }
            if (b != '\r') {
                bytes.write(b);
            }
        }
        return bytes.toString(StandardCharsets.ISO_8859_1);
    }

    void close() {
        try {
            socket.close();
        } catch (IOException e) {
            // closing a connection we no longer use; nothing to recover
        }
    }
}
