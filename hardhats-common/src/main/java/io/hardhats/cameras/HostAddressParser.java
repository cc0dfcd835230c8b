package io.hardhats.cameras;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;

/**
 * Reads a URL host the way the C library under FFmpeg does before it connects ({@code getaddrinfo}:
 * {@code inet_aton} for IPv4, {@code inet_pton} for IPv6), not the way Java does. Java reads
 * {@code 0177.0.0.1} as 177.0.0.1 and {@code 0x7f000001} as a name; the C library reads both as
 * 127.0.0.1, so judging Java's reading lets a loopback address through.
 *
 * <p>A host whose last label is a number ({@code 1}, {@code 017}, {@code 0x1f}) is an IPv4
 * address: every form {@code inet_aton} accepts (1 to 4 parts, decimal, octal, hex) is read;
 * any other is {@link Ambiguous}, because one C library would send it to DNS and another read it
 * as an address. IPv6 needs brackets; zone ids are refused, as they name an interface, not a host.
 */
public final class HostAddressParser {

    /** A host that different readers would take for different addresses; never connected to. */
    public static final class Ambiguous extends Exception {
        Ambiguous() {
            super(null, null, false, false);
        }
    }

    private static final long MAX_IPV4 = 0xFFFF_FFFFL;

    private HostAddressParser() {
    }

    /**
     * The address {@code host} (as in a URL: IPv6 in brackets) is written as, or empty when it is
     * a name for the resolver.
     */
    public static Optional<InetAddress> literal(String host) throws Ambiguous {
        if (host == null || host.isEmpty()) {
            throw new Ambiguous();
        }
        if (host.startsWith("[") || host.endsWith("]") || host.indexOf(':') >= 0) {
            if (!host.startsWith("[") || !host.endsWith("]")) {
                throw new Ambiguous();
            }
            return Optional.of(toAddress(ipv6(host.substring(1, host.length() - 1))));
        }
        String unrooted = host.endsWith(".") ? host.substring(0, host.length() - 1) : host;
        if (!isNumber(unrooted.substring(unrooted.lastIndexOf('.') + 1))) {
            return Optional.empty();
        }
        if (unrooted.length() != host.length()) {
            throw new Ambiguous(); // "127.0.0.1." is no address to inet_aton, but a resolver may read it as one
        }
        long value = ipv4(host);
        return Optional.of(toAddress(new byte[] {(byte) (value >>> 24), (byte) (value >>> 16), (byte) (value >>> 8),
                (byte) value}));
    }

    /** Whether a label is numeric as a URL parser would see it: digits, or 0x and hex digits. */
    private static boolean isNumber(String label) {
        if (label.isEmpty()) {
            return false;
        }
        boolean hex = label.length() >= 2 && label.charAt(0) == '0' && (label.charAt(1) == 'x' || label.charAt(1) == 'X');
        for (int i = hex ? 2 : 0; i < label.length(); i++) {
            if (digit(label.charAt(i), hex ? 16 : 10) < 0) {
                return false;
            }
        }
        return true;
    }

    /**
     * {@code inet_aton}: up to four parts, the last filling the remaining bytes (so {@code 127.1}
     * is 127.0.0.1 and {@code 2130706433} is too). A bare {@code 0x} is refused: older C
     * libraries read it as 0, newer ones not at all.
     */
    private static long ipv4(String text) throws Ambiguous {
        String[] parts = text.split("\\.", -1);
        if (parts.length > 4) {
            throw new Ambiguous();
        }
        long value = 0;
        for (int i = 0; i < parts.length; i++) {
            long part = ipv4Part(parts[i]);
            boolean last = i == parts.length - 1;
            long max = last ? MAX_IPV4 >>> (8 * i) : 0xFF;
            if (part > max) {
                throw new Ambiguous();
            }
            value = last ? value | part : value | part << (8 * (3 - i));
        }
        return value;
    }

    private static long ipv4Part(String part) throws Ambiguous {
        int radix = 10;
        int start = 0;
        if (part.length() > 1 && part.charAt(0) == '0') {
            boolean hex = part.charAt(1) == 'x' || part.charAt(1) == 'X';
            radix = hex ? 16 : 8;
            start = hex ? 2 : 1;
        }
        if (start >= part.length() && radix == 16 || part.isEmpty()) {
            throw new Ambiguous();
        }
        long value = 0;
        for (int i = start; i < part.length(); i++) {
            char c = part.charAt(i);
            int digit = digit(c, radix);
            if (digit < 0) {
                throw new Ambiguous(); // includes 8 and 9 in an octal part
            }
            value = value * radix + digit;
            if (value > MAX_IPV4) {
                throw new Ambiguous();
            }
        }
        return value;
    }

    /** {@code inet_pton(AF_INET6)}: hex groups, one "::" for at least one zero group, dotted IPv4 last. */
    private static byte[] ipv6(String text) throws Ambiguous {
        if (text.indexOf('%') >= 0 || text.isEmpty()) {
            throw new Ambiguous();
        }
        int gap = text.indexOf("::");
        if (gap >= 0 && text.indexOf("::", gap + 1) >= 0) {
            throw new Ambiguous();
        }
        String head = gap < 0 ? text : text.substring(0, gap);
        String tail = gap < 0 ? "" : text.substring(gap + 2);
        int[] before = groups(head, gap < 0);
        int[] after = groups(tail, true);
        int written = before.length + after.length;
        if (gap < 0 ? written != 8 : written > 7) {
            throw new Ambiguous();
        }
        byte[] bytes = new byte[16];
        for (int i = 0; i < before.length; i++) {
            bytes[2 * i] = (byte) (before[i] >>> 8);
            bytes[2 * i + 1] = (byte) before[i];
        }
        for (int i = 0; i < after.length; i++) {
            int at = 8 - after.length + i;
            bytes[2 * at] = (byte) (after[i] >>> 8);
            bytes[2 * at + 1] = (byte) after[i];
        }
        return bytes;
    }

    /** 16-bit groups of one side of "::"; a trailing dotted IPv4 address counts as two. */
    private static int[] groups(String side, boolean mayEndInIpv4) throws Ambiguous {
        if (side.isEmpty()) {
            return new int[0];
        }
        String[] texts = side.split(":", -1);
        String lastText = texts[texts.length - 1];
        boolean ipv4 = mayEndInIpv4 && lastText.indexOf('.') >= 0;
        int[] groups = new int[texts.length + (ipv4 ? 1 : 0)];
        for (int i = 0; i < texts.length - (ipv4 ? 1 : 0); i++) {
            String group = texts[i];
            if (group.isEmpty() || group.length() > 4) {
                throw new Ambiguous();
            }
            int value = 0;
            for (char c : group.toCharArray()) {
                int digit = digit(c, 16);
                if (digit < 0) {
                    throw new Ambiguous();
                }
                value = value << 4 | digit;
            }
            groups[i] = value;
        }
        if (ipv4) {
            long address = dottedQuad(lastText);
            groups[groups.length - 2] = (int) (address >>> 16);
            groups[groups.length - 1] = (int) (address & 0xFFFF);
        }
        return groups;
    }

    /** {@code inet_pton(AF_INET)}: exactly four decimal parts, no leading zeros. */
    private static long dottedQuad(String text) throws Ambiguous {
        String[] parts = text.split("\\.", -1);
        if (parts.length != 4) {
            throw new Ambiguous();
        }
        long value = 0;
        for (String part : parts) {
            if (part.isEmpty() || part.length() > 3 || part.length() > 1 && part.charAt(0) == '0'
                    || !part.chars().allMatch(c -> digit((char) c, 10) >= 0) || Integer.parseInt(part) > 255) {
                throw new Ambiguous();
            }
            value = value << 8 | Integer.parseInt(part);
        }
        return value;
    }

    /** An ASCII digit's value; -1 for anything else (Java's own would take other scripts' digits). */
    private static int digit(char c, int radix) {
        return c < 128 ? Character.digit(c, radix) : -1;
    }

    private static InetAddress toAddress(byte[] bytes) {
        try {
            return InetAddress.getByAddress(bytes); // no lookup: the bytes are the address
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }
}
