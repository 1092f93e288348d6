package bj.gouv.masm.security;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * HTTP/1.1 by hand from a chosen loopback address (127.0.0.x): the server sees another client address,
 * so a test of per-address throttling does not slow the other tests, which all come from 127.0.0.1; and a
 * request may announce a body it never sends.
 */
final class LoopbackHttp {

    record Answer(int status, String head, String body) {
    }

    private LoopbackHttp() {
    }

    static Answer send(String clientAddress, int port, String requestHead, byte[] body) {
        try (Socket socket = new Socket(InetAddress.getByName("127.0.0.1"), port,
                InetAddress.getByName(clientAddress), 0)) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(requestHead.getBytes(StandardCharsets.ISO_8859_1));
            if (body != null) {
                out.write(body);
            }
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            int n;
            while ((n = in.read(buffer)) > 0) {
                all.write(buffer, 0, n);
                String text = all.toString(StandardCharsets.UTF_8);
                int end = text.indexOf("\r\n\r\n");
                if (end > 0 && complete(text, end)) {
                    break;
                }
            }
            String text = all.toString(StandardCharsets.UTF_8);
            int end = text.indexOf("\r\n\r\n");
            String head = end < 0 ? text : text.substring(0, end);
            String responseBody = end < 0 ? "" : text.substring(end + 4);
            int status = Integer.parseInt(head.split(" ", 3)[1]);
            return new Answer(status, head, responseBody);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A GET with HTTP basic credentials, connection closed after the answer. */
    static Answer getWithBasic(String clientAddress, int port, String path, String user, String password) {
        return send(clientAddress, port, "GET " + path + " HTTP/1.1\r\nHost: localhost:" + port + "\r\n"
                + "Authorization: " + SecurityFixtures.basic(user, password) + "\r\nConnection: close\r\n\r\n", null);
    }

    private static boolean complete(String text, int headEnd) {
        String head = text.substring(0, headEnd).toLowerCase();
        int index = head.indexOf("content-length:");
        if (index < 0) {
            return head.contains("transfer-encoding: chunked") && text.endsWith("0\r\n\r\n");
        }
        int lineEnd = head.indexOf("\r\n", index);
        int length = Integer.parseInt(head.substring(index + 15, lineEnd < 0 ? head.length() : lineEnd).trim());
        return text.getBytes(StandardCharsets.UTF_8).length - headEnd - 4 >= length;
    }
}
