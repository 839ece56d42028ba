package dev.parley.server;

/// Where a server reports joins, leaves and refusals, one line each (headless prints them).
/// Lines never contain query strings or passwords.
@FunctionalInterface
public interface ServerLog {

    ServerLog SILENT = line -> {};

    void log(String line);
}
