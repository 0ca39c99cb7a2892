package dev.gantry.dns;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** A minimal DNS client for tests: builds one question, parses the reply's header and records (no compression). */
final class WireClient {
    record Rec(String name, int type, long ttl, byte[] rdata) {
        String ipv4() {
            return (rdata[0] & 0xff) + "." + (rdata[1] & 0xff) + "." + (rdata[2] & 0xff) + "." + (rdata[3] & 0xff);
        }

        int srvPort() {
            return ((rdata[4] & 0xff) << 8) | (rdata[5] & 0xff);
        }

        /** An SOA's last field, the negative-caching TTL. */
        long soaMinimum() {
            return ByteBuffer.wrap(rdata, rdata.length - 4, 4).getInt() & 0xFFFFFFFFL;
        }
    }

    record Reply(
            int id, boolean authoritative, int rcode, List<Rec> answers, List<Rec> authority, List<Rec> additional) {}

    private WireClient() {}

    static byte[] query(int id, String name, int type) {
        ByteBuffer b = ByteBuffer.allocate(512);
        b.putShort((short) id).putShort((short) 0x0100).putShort((short) 1).putShort((short) 0);
        b.putShort((short) 0).putShort((short) 0);
        for (String label : name.split("\\.")) {
            byte[] l = label.getBytes(StandardCharsets.US_ASCII);
            b.put((byte) l.length).put(l);
        }
        b.put((byte) 0).putShort((short) type).putShort((short) 1);
        byte[] out = new byte[b.position()];
        b.flip().get(out);
        return out;
    }

    /** {@link #query} with an EDNS OPT record advertising {@code udpSize}. */
    static byte[] queryWithOpt(int id, String name, int type, int udpSize) {
        byte[] q = query(id, name, type);
        ByteBuffer b = ByteBuffer.allocate(q.length + 11).put(q);
        b.put((byte) 0).putShort((short) 41).putShort((short) udpSize).putInt(0).putShort((short) 0);
        byte[] out = b.array();
        out[11] = 1; // ARCOUNT
        return out;
    }

    static Reply udp(InetSocketAddress server, String name, int type) throws IOException {
        return udp(server, query(4242, name, type));
    }

    static Reply udp(InetSocketAddress server, byte[] q) throws IOException {
        try (DatagramSocket s = new DatagramSocket()) {
            s.setSoTimeout(10_000);
            s.send(new DatagramPacket(q, q.length, server));
            byte[] buf = new byte[4096];
            DatagramPacket p = new DatagramPacket(buf, buf.length);
            s.receive(p);
            return parse(ByteBuffer.wrap(buf, 0, p.getLength()));
        }
    }

    static Reply tcp(InetSocketAddress server, String name, int type) throws IOException {
        try (Socket s = new Socket()) {
            s.connect(server, 10_000);
            s.setSoTimeout(10_000);
            byte[] q = query(4343, name, type);
            DataOutputStream out = new DataOutputStream(s.getOutputStream());
            out.writeShort(q.length);
            out.write(q);
            out.flush();
            DataInputStream in = new DataInputStream(s.getInputStream());
            byte[] r = new byte[in.readUnsignedShort()];
            in.readFully(r);
            return parse(ByteBuffer.wrap(r));
        }
    }

    static Reply parse(ByteBuffer b) {
        int id = b.getShort() & 0xffff;
        int flags = b.getShort() & 0xffff;
        int qd = b.getShort() & 0xffff;
        int an = b.getShort() & 0xffff;
        int ns = b.getShort() & 0xffff;
        int ar = b.getShort() & 0xffff;
        for (int i = 0; i < qd; i++) {
            name(b);
            b.getInt();
        }
        return new Reply(id, (flags & 0x0400) != 0, flags & 0xf, recs(b, an), recs(b, ns), recs(b, ar));
    }

    private static List<Rec> recs(ByteBuffer b, int n) {
        List<Rec> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String name = name(b);
            int type = b.getShort() & 0xffff;
            b.getShort();
            long ttl = b.getInt() & 0xFFFFFFFFL;
            byte[] rdata = new byte[b.getShort() & 0xffff];
            b.get(rdata);
            out.add(new Rec(name, type, ttl, rdata));
        }
        return out;
    }

    private static String name(ByteBuffer b) {
        StringBuilder sb = new StringBuilder();
        for (int len = b.get() & 0xff; len != 0; len = b.get() & 0xff) {
            if ((len & 0xc0) == 0xc0) {
                b.get();
                return sb.append("<ptr>").toString();
            }
            byte[] l = new byte[len];
            b.get(l);
            sb.append(sb.isEmpty() ? "" : ".").append(new String(l, StandardCharsets.US_ASCII));
        }
        return sb.toString();
    }
}
