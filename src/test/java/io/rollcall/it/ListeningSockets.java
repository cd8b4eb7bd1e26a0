package io.rollcall.it;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The TCP ports a process listens on and the UDP ports it has bound, read from Linux's {@code /proc} (what
 * {@code ss -ltnup} shows): the process's socket inodes matched against {@code /proc/net/{tcp,tcp6,udp,udp6}}.
 */
public record ListeningSockets(Set<Integer> tcpListening, Set<Integer> udpBound) {

    /** Sockets of the process {@code pid}; needs Linux and the right to read the process's file descriptors. */
    public static ListeningSockets of(long pid) throws IOException {
        Set<String> inodes = new HashSet<>();
        try (DirectoryStream<Path> fds = Files.newDirectoryStream(Path.of("/proc", Long.toString(pid), "fd"))) {
            for (Path fd : fds) {
                try {
                    String target = Files.readSymbolicLink(fd).toString();
                    if (target.startsWith("socket:[")) {
                        inodes.add(target.substring(8, target.length() - 1));
                    }
                } catch (IOException e) {
                    // closed while listing
                }
            }
        }
        return new ListeningSockets(
                ports(List.of("tcp", "tcp6"), inodes, "0A"), ports(List.of("udp", "udp6"), inodes, null));
    }

    /** Local ports of the sockets in {@code inodes}, restricted to state {@code state} (hex, 0A = LISTEN) if given. */
    private static Set<Integer> ports(List<String> tables, Set<String> inodes, String state) throws IOException {
        Set<Integer> ports = new TreeSet<>();
        for (String table : tables) {
            Path file = Path.of("/proc/net", table);
            if (!Files.exists(file)) {
                continue;
            }
            List<String> lines = Files.readAllLines(file);
            for (String line : lines.subList(1, lines.size())) {
                String[] f = line.trim().split("\\s+");
                if (f.length > 9 && inodes.contains(f[9]) && (state == null || state.equals(f[3]))) {
                    ports.add(Integer.parseInt(f[1].substring(f[1].lastIndexOf(':') + 1), 16));
                }
            }
        }
        return ports;
    }
}
