package dev.parley.app;

/// Entry point: the desktop window by default, the server alone with `--headless`.
public final class Main {

    private Main() {}

    public static void main(String[] args) {
        throw new UnsupportedOperationException("contract only: implemented by the server work");
    }
}
