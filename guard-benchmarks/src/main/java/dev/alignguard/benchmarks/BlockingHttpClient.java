package dev.alignguard.benchmarks;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * HTTP/1.1 POSTs over one kept-alive blocking socket, the way Python's {@code http.client} (and so {@code urllib})
 * calls the guard server: headers and a byte body in one write, the answer read on the calling thread. It has
 * no selector thread and no executor, so it shows what the server costs apart from the JDK HttpClient.
 */
final class BlockingHttpClient implements Closeable {
    private final Socket socket;
    private final OutputStream out;
    private final InputStream in;
    private final String head;

    BlockingHttpClient(String host, int port, String path) throws IOException {
        socket = new Socket(host, port);
        socket.setTcpNoDelay(true);
        out = new BufferedOutputStream(socket.getOutputStream());
        in = new BufferedInputStream(socket.getInputStream());
        head = "POST " + path + " HTTP/1.1\r\nHost: " + host + ":" + port
                + "\r\nContent-Type: application/json\r\nContent-Length: ";
    }

    /** Sends {@code body} and returns the status line and the response body, which must have a Content-Length. */
    Response post(byte[] body) throws IOException {
        out.write((head + body.length + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
        out.write(body);
        out.flush();
        String status = line();
        int length = -1;
        for (String header = line(); !header.isEmpty(); header = line()) {
            if (header.regionMatches(true, 0, "Content-Length:", 0, 15)) {
                length = Integer.parseInt(header.substring(15).trim());
            }
        }
        if (length < 0) {
            throw new IOException("the response has no Content-Length: " + status);
        }
        return new Response(status, new String(in.readNBytes(length), StandardCharsets.UTF_8));
    }

    private String line() throws IOException {
        StringBuilder line = new StringBuilder();
        for (int c = in.read(); c != '\n'; c = in.read()) {
            if (c < 0) {
                throw new EOFException("the server closed the connection");
            }
            if (c != '\r') {
                line.append((char) c);
            }
        }
        return line.toString();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }

    /** A status line such as {@code HTTP/1.1 200 OK} and the body. */
    record Response(String status, String body) {
        boolean ok() {
            return status.startsWith("HTTP/1.1 200 ");
        }
    }
}
