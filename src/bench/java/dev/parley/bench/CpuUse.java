package dev.parley.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;

/// CPU used over an interval, in cores: by this process, by the whole machine (Linux
/// `/proc/stat`; -1 elsewhere), and so by everything else. A pulse gap measured while other
/// processes kept the cores busy says as much about them as about the window.
record CpuUse(long wallNanos, long processNanos, long machineBusyTicks, long machineTicks) {

    static CpuUse now() {
        long busy = -1;
        long total = -1;
        try {
            // cpu  user nice system idle iowait irq softirq steal ...
            var fields = Files.readAllLines(Path.of("/proc/stat")).getFirst().trim().split("\\s+");
            total = 0;
            for (int i = 1; i < Math.min(fields.length, 9); i++) {
                total += Long.parseLong(fields[i]);
            }
            busy = total - Long.parseLong(fields[4]) - Long.parseLong(fields[5]);
        } catch (IOException | RuntimeException notLinux) {
            // Machine figures stay -1.
        }
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        return new CpuUse(System.nanoTime(), os.getProcessCpuTime(), busy, total);
    }

    /// Cores this process kept busy since `start`.
    double processCores(CpuUse start) {
        return (processNanos - start.processNanos) / (double) (wallNanos - start.wallNanos);
    }

    /// Cores the whole machine kept busy since `start`, or -1 when unknown.
    double machineCores(CpuUse start) {
        if (machineTicks < 0 || start.machineTicks < 0 || machineTicks == start.machineTicks) {
            return -1;
        }
        double share = (machineBusyTicks - start.machineBusyTicks) / (double) (machineTicks - start.machineTicks);
        return share * Runtime.getRuntime().availableProcessors();
    }

    /// Cores used by other processes since `start` (machine minus this process), or -1.
    double otherCores(CpuUse start) {
        double machine = machineCores(start);
        return machine < 0 ? -1 : Math.max(0, machine - processCores(start));
    }
}
