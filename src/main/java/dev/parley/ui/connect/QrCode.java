package dev.parley.ui.connect;

import javafx.scene.image.Image;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;

/// A QR code of a text (the host's browser invite), made with Nayuki's qrcodegen: first as a
/// plain matrix of dark modules, then as an image for the window.
final class QrCode {

    /// The light margin around the code, in modules, that scanners need (ISO/IEC 18004).
    static final int QUIET_ZONE = 4;

    private QrCode() {}

    /// `true` for a dark module, quiet zone included; square. Medium error correction: a
    /// phone's camera copes with glare and a screen's moiré.
    static boolean[][] matrix(String text) {
        var code = io.nayuki.qrcodegen.QrCode.encodeText(text, io.nayuki.qrcodegen.QrCode.Ecc.MEDIUM);
        int size = code.size + 2 * QUIET_ZONE;
        var modules = new boolean[size][size];
        for (int y = 0; y < code.size; y++) {
            for (int x = 0; x < code.size; x++) {
                modules[y + QUIET_ZONE][x + QUIET_ZONE] = code.getModule(x, y);
            }
        }
        return modules;
    }

    /// The matrix drawn black on white, `scale` pixels a module (crisp at any zoom: no smoothing).
    static Image image(String text, int scale) {
        var modules = matrix(text);
        int size = modules.length * scale;
        var image = new WritableImage(size, size);
        var pixels = image.getPixelWriter();
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                pixels.setColor(x, y, modules[y / scale][x / scale] ? Color.BLACK : Color.WHITE);
            }
        }
        return image;
    }
}
