package dev.parley.ui.files;

import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import javafx.scene.image.Image;
import javafx.scene.image.PixelFormat;
import javax.imageio.ImageIO;

/// What a paste or a drop carries, as files to send: the files themselves (folders are skipped),
/// or a picture alone (a screenshot), whose pixels are read on the FX thread and written as a
/// PNG elsewhere.
public final class PastedFiles {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH.mm.ss");

    /// A picture's pixels, as 32-bit ARGB rows.
    public record Pixels(int width, int height, int[] argb) {}

    private PastedFiles() {}

    /// The regular files among `files` (a folder is not sent).
    public static List<Path> files(List<File> files) {
        return files.stream().map(File::toPath).filter(Files::isRegularFile).toList();
    }

    /// The pixels of `image`; FX thread (or wherever the image is not changing).
    public static Pixels pixels(Image image) throws IOException {
        int width = (int) image.getWidth();
        int height = (int) image.getHeight();
        if (width <= 0 || height <= 0 || image.getPixelReader() == null) {
            throw new IOException("the picture has no pixels to read");
        }
        var argb = new int[width * height];
        image.getPixelReader().getPixels(0, 0, width, height, PixelFormat.getIntArgbInstance(), argb, 0, width);
        return new Pixels(width, height, argb);
    }

    /// Writes `pixels` as a PNG named after the time into `folder` (a free name) and returns it.
    public static Path png(Pixels pixels, Path folder) throws IOException {
        var buffered = new BufferedImage(pixels.width(), pixels.height(), BufferedImage.TYPE_INT_ARGB);
        buffered.setRGB(0, 0, pixels.width(), pixels.height(), pixels.argb(), 0, pixels.width());
        Files.createDirectories(folder);
        var file = DownloadFolder.unusedName(folder, "Screenshot " + STAMP.format(LocalDateTime.now()) + ".png");
        try (var out = Files.newOutputStream(file, StandardOpenOption.CREATE_NEW)) {
            if (!ImageIO.write(buffered, "png", out)) {
                throw new IOException("no PNG writer in this Java runtime");
            }
        }
        return file;
    }
}
