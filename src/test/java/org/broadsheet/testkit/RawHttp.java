package org.broadsheet.testkit;

import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * An HTTP/1.1 client that sends whatever bytes it is given: request lines and headers no
 * library would write (bytes that are not UTF-8, duplicated or overlong headers, paths with
 * {@code ..} or NUL), over one kept-alive connection (made again when the server closes it), from a
 * chosen local address ({@code 127.0.0.2} is loopback too, and not {@code 127.0.0.1}). For the
 * hostile-input tests; not thread-safe.
 * <pre>
 * try (RawHttp http = new RawHttp(port)) {
 *     RawHttp.Answer answer = http.send(RawHttp.request("GET", "/media/..%2f..%2fsecret", List.of(), new byte[0]));
 * }
 * </pre>
 */
public final class RawHttp implements Closeable {

    /** What came back: the status (or {@link #NO_ANSWER}), headers by lower-case name, the body. */
    public record Answer(int status, Map<String, List<String>> headers, byte[] body) {

        /** The first value of header {@code name}, if any. */
        public Optional<String> header(String name) {
            List<String> values = headers.getOrDefault(name.toLowerCase(Locale.ROOT), List.of());
            return values.stream().findFirst();
        }

        /** Every value of header {@code name} (a {@code Set-Cookie} per cookie). */
        public List<String> all(String name) {
            return headers.getOrDefault(name.toLowerCase(Locale.ROOT), List.of());
        }

        public String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    /** The server closed the connection without a status line (a request it dropped). */
    public static final int NO_ANSWER = -1;

    private static final int TIMEOUT_MILLIS = 15_000;

    private final InetSocketAddress server;
    private final InetAddress local;
    private Socket socket;
    private InputStream in;
    private String previous = "none";

    /** To the test site's server on loopback {@code port}, from 127.0.0.1. */
    public RawHttp(int port) {
        this(port, InetAddress.getLoopbackAddress());
    }

    /** To loopback {@code port}, from the local address {@code local}. */
    public RawHttp(int port, InetAddress local) {
        this.server = new InetSocketAddress(InetAddress.getLoopbackAddress(), port);
        this.local = local;
    }

    /**
     * The bytes of a request: {@code method target HTTP/1.1}, {@code Host} first unless a header
     * gives one, the headers as given (names may repeat), {@code Content-Length} of the body.
     */
    public static byte[] request(String method, byte[] target, List<String> headers, byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256 + target.length + body.length);
        out.writeBytes((method + " ").getBytes(StandardCharsets.ISO_8859_1));
        out.writeBytes(target);
        out.writeBytes(" HTTP/1.1\r\n".getBytes(StandardCharsets.ISO_8859_1));
        if (headers.stream().noneMatch(h -> h.regionMatches(true, 0, "Host:", 0, 5))) {
            out.writeBytes("Host: localhost\r\n".getBytes(StandardCharsets.ISO_8859_1));
        }
        for (String header : headers) {
            out.writeBytes((header + "\r\n").getBytes(StandardCharsets.UTF_8));
        }
        if (body.length > 0 || method.equals("POST") || method.equals("PUT")) {
            out.writeBytes(("Content-Length: " + body.length + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
        }
        out.writeBytes("\r\n".getBytes(StandardCharsets.ISO_8859_1));
        out.writeBytes(body);
        return out.toByteArray();
    }

    /** {@link #request} with a target given as text (sent as its UTF-8 bytes). */
    public static byte[] request(String method, String target, List<String> headers, byte[] body) {
        return request(method, target.getBytes(StandardCharsets.UTF_8), headers, body);
    }

    /**
     * Sends one request's bytes and reads its answer. A kept connection the server had closed is
     * made again once; a request the server answers by closing is {@link #NO_ANSWER}.
     */
    public Answer send(byte[] request) {
        try {
            Answer answer;
            if (socket == null) {
                answer = exchange(request);
            } else {
                answer = exchangeOnKept(request);
            }
            if (answer.header("connection").filter("close"::equalsIgnoreCase).isPresent()) {
                close();
            }
            return answer;
        } catch (IOException e) {
            close();
            throw new UncheckedIOException("No answer from " + server, e);
        }
    }

    /** On the kept connection; if the server had closed it meanwhile, once more on a new one. */
    private Answer exchangeOnKept(byte[] request) throws IOException {
        try {
            Answer answer = exchange(request);
            if (answer.status() != NO_ANSWER) {
                return answer;
            }
        } catch (IOException e) {
            close();
        }
        return exchange(request);
    }

    private Answer exchange(byte[] request) throws IOException {
        connect();
        write(request);
        return read(request);
    }

    private void connect() throws IOException {
        if (socket == null) {
            socket = new Socket();
            socket.bind(new InetSocketAddress(local, 0));
            socket.connect(server, TIMEOUT_MILLIS);
            socket.setSoTimeout(TIMEOUT_MILLIS);
            socket.setTcpNoDelay(true);
            in = socket.getInputStream();
        }
    }

    private void write(byte[] request) {
        try {
            OutputStream out = socket.getOutputStream();
            out.write(request);
            out.flush();
        } catch (IOException e) {
            // the server stopped reading (it refused the request early): its answer may be there
        }
    }

    private Answer read(byte[] request) throws IOException {
        String statusLine = line();
        if (statusLine == null) {
            close();
            return new Answer(NO_ANSWER, Map.of(), new byte[0]);
        }
        if (!statusLine.matches("HTTP/1\\.[01] [1-9][0-9][0-9]( .*)?")) {
            throw new IllegalStateException(
                    "Not a status line: " + statusLine + "; the answer before on this connection: " + previous);
        }
        int status = Integer.parseInt(statusLine.substring(9, 12));
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (String line = line(); line != null && !line.isEmpty(); line = line()) {
            int colon = line.indexOf(':');
            headers.computeIfAbsent(line.substring(0, colon).trim().toLowerCase(Locale.ROOT), k -> new ArrayList<>())
                    .add(line.substring(colon + 1).trim());
        }
        boolean head = new String(request, 0, 5, StandardCharsets.ISO_8859_1).startsWith("HEAD ");
        byte[] body = head || status == 204 || status == 304 ? new byte[0] : body(headers);
        previous = statusLine + " " + headers + " (" + body.length + " bytes) to "
                + new String(request, 0, Math.min(request.length, 300), StandardCharsets.ISO_8859_1);
        return new Answer(status, headers, body);
    }

    private byte[] body(Map<String, List<String>> headers) throws IOException {
        List<String> length = headers.get("content-length");
        if (length != null) {
            return in.readNBytes(Integer.parseInt(length.get(0)));
        }
        if (headers.getOrDefault("transfer-encoding", List.of()).contains("chunked")) {
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            for (int size = chunkSize(); size > 0; size = chunkSize()) {
                body.writeBytes(in.readNBytes(size));
                line();
            }
            for (String trailer = line(); trailer != null && !trailer.isEmpty(); trailer = line()) {
                // trailers are not kept
            }
            return body.toByteArray();
        }
        byte[] rest = in.readAllBytes(); // no length: the body ends with the connection
        close();
        return rest;
    }

    private int chunkSize() throws IOException {
        String line = line();
        if (line == null) {
            throw new IOException("The connection closed inside a chunked body");
        }
        int extension = line.indexOf(';');
        return Integer.parseInt((extension < 0 ? line : line.substring(0, extension)).trim(), 16);
    }

    /** One line without its CRLF, or null at the end of the stream. */
    private String line() throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream(64);
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0) {
                return line.size() == 0 ? null : line.toString(StandardCharsets.ISO_8859_1);
            }
            if (b != '\r') {
                line.write(b);
            }
        }
        return line.toString(StandardCharsets.ISO_8859_1);
    }

    /**
     * What the server sent on the kept connection beyond the answers read (nothing, if each answer
     * was one and whole), with the last answer read before it; empty without a connection.
     */
    public Optional<String> unread() {
        try {
            int available = in == null ? 0 : in.available();
            if (available == 0) {
                return Optional.empty();
            }
            return Optional.of(new String(in.readNBytes(Math.min(available, 2_000)), StandardCharsets.ISO_8859_1)
                    + " after " + previous);
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    @Override
    public void close() {
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException e) {
                // closing anyway
            }
            socket = null;
            in = null;
            previous = "none (a new connection)";
        }
    }
}
