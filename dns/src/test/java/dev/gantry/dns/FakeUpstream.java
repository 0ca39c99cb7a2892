package dev.gantry.dns;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.util.Arrays;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A resolver on loopback for tests: answers every A question with one fixed address (TTL 300), echoing the id and
 * question; or, when {@code silent}, never answers; or, when {@code lying}, answers with the id but another name in
 * the question (as an off-path spoofer who guessed the id would). Remembers each query's source port and the last
 * query's bytes.
 */
final class FakeUpstream implements AutoCloseable {
    private final DatagramSocket socket;
    private final AtomicInteger queries = new AtomicInteger();
    private final Set<Integer> sourcePorts = ConcurrentHashMap.newKeySet();
    private volatile byte[] last = new byte[0];
    private final boolean lying;

    FakeUpstream(String address, boolean silent) throws IOException {
        this(address, silent, false);
    }

    FakeUpstream(String address, boolean silent, boolean lying) throws IOException {
        socket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        this.lying = lying;
        byte[] ip = InetAddress.getByName(address).getAddress();
        Thread.ofVirtual().start(() -> serve(ip, silent));
    }

    Set<Integer> sourcePorts() {
        return Set.copyOf(sourcePorts);
    }

    byte[] lastQuery() {
        return last.clone();
    }

    InetSocketAddress address() {
        return (InetSocketAddress) socket.getLocalSocketAddress();
    }

    int queries() {
        return queries.get();
    }

    private void serve(byte[] ip, boolean silent) {
        byte[] buf = new byte[1500];
        while (!socket.isClosed()) {
            try {
                DatagramPacket p = new DatagramPacket(buf, buf.length);
                socket.receive(p);
                last = Arrays.copyOf(buf, p.getLength());
                sourcePorts.add(p.getPort());
                queries.incrementAndGet();
                if (silent) {
                    continue;
                }
                int qEnd = 12;
                while (buf[qEnd] != 0) {
                    qEnd += (buf[qEnd] & 0xff) + 1;
                }
                qEnd += 5;
                byte[] r = new byte[qEnd + 16];
                System.arraycopy(buf, 0, r, 0, qEnd);
                if (lying) {
                    r[13] = (byte) (r[13] == 'x' ? 'y' : 'x'); // the first letter of the name
                }
                r[2] = (byte) 0x81; // QR, RD
                r[3] = (byte) 0x80; // RA, NOERROR
                r[7] = 1; // ANCOUNT
                r[9] = 0;
                r[11] = 0; // no authority/additional (the query's OPT dropped)
                int i = qEnd;
                r[i++] = (byte) 0xc0; // name: pointer to the question
                r[i++] = 12;
                r[i++] = 0;
                r[i++] = 1; // A
                r[i++] = 0;
                r[i++] = 1; // IN
                r[i++] = 0;
                r[i++] = 0;
                r[i++] = 1;
                r[i++] = 0x2c; // TTL 300
                r[i++] = 0;
                r[i++] = 4;
                System.arraycopy(ip, 0, r, i, 4);
                socket.send(new DatagramPacket(r, r.length, p.getSocketAddress()));
            } catch (SocketException closed) {
                return;
            } catch (IOException e) {
                return;
            }
        }
    }

    @Override
    public void close() {
        socket.close();
    }
}
