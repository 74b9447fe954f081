package org.portops.bench.ingest;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * CPU time spent by each part of the run, so a step can say how many microseconds of CPU one reading costs where.
 * CPU time, unlike throughput, hardly depends on what else the machine runs, so it compares runs on a shared machine.
 * This JVM's threads are grouped by name (Paho names its threads {@code MQTT Rec: <client id>} and so on, and
 * each client id says whose client it is); what the JVM spends outside its live threads (GC, JIT, threads that
 * ended) is the process's CPU time minus theirs. Processes outside the JVM come from {@code /proc}: PostgreSQL
 * (the postmaster and its children, the ones already gone included) and mosquitto.
 */
final class CpuMeter {

    /** Where the CPU went. */
    enum Part {
        INGEST_PAHO("ingest Paho"),
        EVENT_LOOPS("Vert.x event loops"),
        VERTX_WORKERS("Vert.x workers"),
        HAZELCAST("Hazelcast"),
        POSTGRES("PostgreSQL"),
        BROKER("broker"),
        PUBLISHERS("publishers"),
        BARE("bare client"),
        JVM_OTHER("JVM GC/JIT/other");

        final String label;

        Part(String label) {
            this.label = label;
        }
    }

    /** CPU nanoseconds per part at one moment. */
    record Sample(Map<Part, Long> nanos) {

        /** Microseconds of CPU per item of each part between {@code earlier} and this sample. */
        Map<Part, Double> microsPerItemSince(Sample earlier, long items) {
            Map<Part, Double> per = new EnumMap<>(Part.class);
            for (Part part : Part.values()) {
                long spent = nanos.getOrDefault(part, 0L) - earlier.nanos.getOrDefault(part, 0L);
                per.put(part, items <= 0 ? Double.NaN : spent / 1_000.0 / items);
            }
            return per;
        }
    }

    /** /proc counts CPU in USER_HZ ticks, 100 a second on Linux whatever the kernel's own tick. */
    private static final long CLOCK_TICK_NANOS = 10_000_000L;

    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private final com.sun.management.OperatingSystemMXBean os =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    private final Path postmasterPidFile;
    private final String ingestClients;
    private final String publisherClients;
    private final String bareClients;
    private volatile Long brokerPid;
    private volatile boolean brokerInJvm;

    /**
     * @param postgresData the embedded PostgreSQL's data directory (its {@code postmaster.pid} names the postmaster)
     */
    CpuMeter(Path postgresData, String ingestClients, String publisherClients, String bareClients) {
        this.postmasterPidFile = postgresData.resolve("postmaster.pid");
        this.ingestClients = ingestClients;
        this.publisherClients = publisherClients;
        this.bareClients = bareClients;
        if (!threads.isThreadCpuTimeEnabled()) {
            threads.setThreadCpuTimeEnabled(true);
        }
    }

    /** The broker of the part of the run now: a process of its own, or (null) HiveMQ's threads in this JVM. */
    void broker(Long pid) {
        this.brokerPid = pid;
        this.brokerInJvm = pid == null;
    }

    Sample sample() {
        Map<Part, Long> nanos = new EnumMap<>(Part.class);
        long threadTotal = 0;
        long[] ids = threads.getAllThreadIds();
        ThreadInfo[] infos = threads.getThreadInfo(ids);
        for (int i = 0; i < ids.length; i++) {
            long cpu = threads.getThreadCpuTime(ids[i]);
            if (infos[i] == null || cpu < 0) {
                continue;
            }
            threadTotal += cpu;
            Part part = partOf(infos[i].getThreadName());
            if (part != null) {
                nanos.merge(part, cpu, Long::sum);
            }
        }
        long process = os.getProcessCpuTime();
        long named = nanos.values().stream().mapToLong(Long::longValue).sum();
        if (brokerInJvm) {
            nanos.merge(Part.BROKER, threadTotal - named, Long::sum);
            nanos.put(Part.JVM_OTHER, process - threadTotal);
        } else {
            nanos.put(Part.JVM_OTHER, process - named);
            Long pid = brokerPid;
            if (pid != null) {
                nanos.put(Part.BROKER, processCpu(pid, false).orElse(0));
            }
        }
        nanos.put(Part.POSTGRES, postgresCpu());
        return new Sample(nanos);
    }

    /** The threads outside every named part, busiest first: to see what the unnamed CPU is. */
    List<String> busiestUnnamedThreads(int limit) {
        Map<String, Long> byName = new HashMap<>();
        for (long id : threads.getAllThreadIds()) {
            ThreadInfo info = threads.getThreadInfo(id);
            long cpu = threads.getThreadCpuTime(id);
            if (info != null && cpu > 0 && partOf(info.getThreadName()) == null) {
                byName.merge(info.getThreadName().replaceAll("\\d+", "#"), cpu, Long::sum);
            }
        }
        return byName.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(limit)
                .map(e -> e.getKey() + " " + e.getValue() / 1_000_000 + " ms").toList();
    }

    private Part partOf(String name) {
        if (name.startsWith("MQTT ")) {
            if (name.contains(ingestClients)) {
                return Part.INGEST_PAHO;
            }
            if (name.contains(publisherClients)) {
                return Part.PUBLISHERS;
            }
            if (name.contains(bareClients)) {
                return Part.BARE;
            }
        }
        if (name.startsWith("bench-publisher")) {
            return Part.PUBLISHERS;
        }
        if (name.startsWith("vert.x-eventloop")) {
            return Part.EVENT_LOOPS;
        }
        if (name.startsWith("vert.x-worker") || name.startsWith("vert.x-internal-blocking")) {
            return Part.VERTX_WORKERS;
        }
        if (name.startsWith("hz.")) {
            return Part.HAZELCAST;
        }
        return null;
    }

    private long postgresCpu() {
        long postmaster;
        try {
            postmaster = Long.parseLong(Files.readAllLines(postmasterPidFile).getFirst().trim());
        } catch (IOException | RuntimeException e) {
            return 0;
        }
        long total = processCpu(postmaster, true).orElse(0);
        try (DirectoryStream<Path> procs = Files.newDirectoryStream(Path.of("/proc"), "[0-9]*")) {
            for (Path proc : procs) {
                String[] stat = stat(proc);
                if (stat != null && Long.parseLong(stat[1]) == postmaster) {
                    total += ticks(stat, false);
                }
            }
        } catch (IOException e) {
            return total;
        }
        return total;
    }

    /** Own CPU of a process, plus that of its children already reaped when {@code withReaped}. */
    private static OptionalLong processCpu(long pid, boolean withReaped) {
        String[] stat = stat(Path.of("/proc", Long.toString(pid)));
        return stat == null ? OptionalLong.empty() : OptionalLong.of(ticks(stat, withReaped));
    }

    /** The fields of /proc/PID/stat after the command name (field 3, the state, is index 0). */
    private static String[] stat(Path proc) {
        try {
            String text = Files.readString(proc.resolve("stat"));
            return text.substring(text.lastIndexOf(')') + 2).split(" ");
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** utime + stime (fields 14, 15), and cutime + cstime (16, 17) of reaped children, in nanoseconds. */
    private static long ticks(String[] stat, boolean withReaped) {
        long ticks = Long.parseLong(stat[11]) + Long.parseLong(stat[12]);
        if (withReaped) {
            ticks += Long.parseLong(stat[13]) + Long.parseLong(stat[14]);
        }
        return ticks * CLOCK_TICK_NANOS;
    }
}
