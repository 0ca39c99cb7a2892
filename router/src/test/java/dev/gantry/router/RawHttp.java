package dev.gantry.router;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/** Raw HTTP/1.1 over a socket, for requests the JDK client will not send (a chosen Host header). */
final class RawHttp {
    private RawHttp() {}

    /** Sends {@code request} (which should ask for Connection: close or be answered with a length) and reads it. */
    static String exchange(int port, String request) {
        return exchangeAsIs(request.replaceFirst("\r\n\r\n$", "\r\nConnection: close\r\n\r\n"), port);
    }

    /** Sends {@code request} unchanged (it must make the router close the connection) and reads to the end. */
    static String exchangeAsIs(String closing, int port) {
        try (Socket s = new Socket("127.0.0.1", port)) {
            s.setSoTimeout(20_000);
            s.getOutputStream().write(closing.getBytes(StandardCharsets.ISO_8859_1));
            s.getOutputStream().flush();
            InputStream in = s.getInputStream();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            in.transferTo(out);
            return out.toString(StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
