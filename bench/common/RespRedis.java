package common;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/** The Redis commands the live bus uses, written in RESP over one socket, publishing as a worker would. */
public final class RespRedis implements AutoCloseable {

    private final Socket socket;
    private final OutputStream out;
    private final InputStream in;

    public RespRedis(int port) throws IOException {
        socket = new Socket(BenchApi.HOST, port);
        socket.setTcpNoDelay(true);
        out = new BufferedOutputStream(socket.getOutputStream(), 1 << 16);
        in = new BufferedInputStream(socket.getInputStream());
    }

    /** Keeps the frame as the camera's latest (capture time first, 30 s) and publishes it to its viewers. */
    public void publishFrame(UUID camera, byte[] jpeg) throws IOException {
        ByteBuffer stamped = ByteBuffer.allocate(8 + jpeg.length).putLong(System.currentTimeMillis()).put(jpeg);
        command(bytes("SET"), bytes("hardhats:frame:" + camera), stamped.array(), bytes("PX"), bytes("30000"));
        command(bytes("PUBLISH"), bytes("frames/" + camera), jpeg);
    }

    public void publish(String channel, String message) throws IOException {
        command(bytes("PUBLISH"), bytes(channel), bytes(message));
    }

    /** Sends one command and answers its one-line reply; an error reply throws. */
    public synchronized String command(byte[]... parts) throws IOException {
        out.write(("*" + parts.length + "\r\n").getBytes(StandardCharsets.US_ASCII));
        for (byte[] p : parts) {
            out.write(("$" + p.length + "\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(p);
            out.write('\r');
            out.write('\n');
        }
        out.flush();
        StringBuilder reply = new StringBuilder();
        int c;
        while ((c = in.read()) != -1 && c != '\n') {
            if (c != '\r') {
                reply.append((char) c);
            }
        }
        if (reply.length() > 0 && reply.charAt(0) == '-') {
            throw new IOException("redis: " + reply);
        }
        return reply.toString();
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
