package dev.parley.app;

import dev.parley.ui.DesktopLauncher;
import java.util.Arrays;

/// Entry point: the desktop window by default, the server alone with `--headless`.
public final class Main {

    private Main() {}

    public static void main(String[] args) {
        if (Arrays.asList(args).contains("--headless")) {
            System.exit(HeadlessCommand.run(args, System.out, System.err));
        }
        DesktopLauncher.launch(args);
    }
}
