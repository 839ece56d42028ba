package dev.parley.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/// Reads another process's CPU time and memory from `/proc` (Linux), and finds the process
/// listening on a port.
final class ProcessProbe {

    /// Kernel clock ticks per second for `/proc/PID/stat` (USER_HZ, 100 on every Linux we run).
    private static final double TICKS = 100.0;

    private ProcessProbe() {}

    /// utime + stime of `pid` in seconds; -1 when unreadable.
    static double cpuSeconds(long pid) {
        try {
            var stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            // Fields after the command name (which may hold spaces) start with field 3, state.
            var fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / TICKS;
        } catch (IOException | RuntimeException unreadable) {
            return -1;
        }
    }

    /// VmRSS of `pid` in KiB; -1 when unreadable.
    static long rssKib(long pid) {
        try {
            for (var line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException | RuntimeException unreadable) {
            return -1;
        }
        return -1;
    }

    /// The pid holding the socket that listens on `port` (IPv4 or IPv6); -1 when none is found.
    static long pidListeningOn(int port) {
        var inodes = new HashSet<String>();
        var hexPort = String.format(Locale.ROOT, ":%04X", port);
        for (var table : new String[] {"/proc/net/tcp", "/proc/net/tcp6"}) {
            try {
                for (var line : Files.readAllLines(Path.of(table))) {
                    var cols = line.trim().split("\\s+");
                    // local_address is column 1, st (0A = LISTEN) column 3, inode column 9.
                    if (cols.length > 9 && cols[1].endsWith(hexPort) && cols[3].equals("0A")) {
                        inodes.add("socket:[" + cols[9] + "]");
                    }
                }
            } catch (IOException unreadable) {
                // No IPv6 table on this machine: the other one decides.
            }
        }
        return inodes.isEmpty() ? -1 : ownerOf(inodes);
    }

    private static long ownerOf(Set<String> sockets) {
        try (var procs = Files.list(Path.of("/proc"))) {
            for (var proc : (Iterable<Path>) procs::iterator) {
                var name = proc.getFileName().toString();
                if (!name.chars().allMatch(Character::isDigit)) {
                    continue;
                }
                try (var fds = Files.list(proc.resolve("fd"))) {
                    for (var fd : (Iterable<Path>) fds::iterator) {
                        if (sockets.contains(Files.readSymbolicLink(fd).toString())) {
                            return Long.parseLong(name);
                        }
                    }
                } catch (IOException | SecurityException gone) {
                    // Exited meanwhile, or not ours to read.
                }
            }
        } catch (IOException unreadable) {
            return -1;
        }
        return -1;
    }
}
