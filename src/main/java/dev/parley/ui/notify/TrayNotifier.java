package dev.parley.ui.notify;

import java.awt.AWTException;
import java.awt.Color;
import java.awt.GraphicsEnvironment;
import java.awt.RenderingHints;
import java.awt.SystemTray;
import java.awt.TrayIcon;
import java.awt.image.BufferedImage;
import java.util.function.Consumer;

/// Windows and macOS: what the JDK offers, a tray icon whose balloon (Windows' toast, macOS's
/// notification centre) shows the message. A click on the balloon or the icon reports the
/// conversation of the last notification, since AWT does not say which balloon was clicked.
public final class TrayNotifier implements DesktopNotifier {

    private final TrayIcon icon;
    private volatile String lastConversation;
    private volatile Consumer<String> clicked = conversation -> { };

    private TrayNotifier(TrayIcon icon) {
        this.icon = icon;
        icon.addActionListener(e -> {
            var conversation = lastConversation;
            if (conversation != null) {
                clicked.accept(conversation);
            }
        });
    }

    /// The tray notifier, or null where the system has no tray (or no display).
    public static TrayNotifier ifSupported() {
        try {
            if (GraphicsEnvironment.isHeadless() || !SystemTray.isSupported()) {
                return null;
            }
            var icon = new TrayIcon(image(), "Parley");
            icon.setImageAutoSize(true);
            SystemTray.getSystemTray().add(icon);
            return new TrayNotifier(icon);
        } catch (AWTException | UnsupportedOperationException | SecurityException e) {
            return null;
        }
    }

    /// A plain speech-bubble mark, drawn rather than loaded: nothing to ship for it.
    private static BufferedImage image() {
        var image = new BufferedImage(32, 32, BufferedImage.TYPE_INT_ARGB);
        var g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(new Color(0x2f6fde));
        g.fillRoundRect(2, 4, 28, 20, 10, 10);
        g.fillPolygon(new int[] {8, 16, 8}, new int[] {22, 22, 30}, 3);
        g.dispose();
        return image;
    }

    @Override
    public long show(String title, String body, String conversation) {
        lastConversation = conversation;
        icon.displayMessage(title, body, TrayIcon.MessageType.INFO);
        return 1;
    }

    @Override
    public void onClick(Consumer<String> clicked) {
        this.clicked = clicked;
    }

    @Override
    public String describe() {
        return "system tray";
    }

    @Override
    public void close() {
        SystemTray.getSystemTray().remove(icon);
    }
}
