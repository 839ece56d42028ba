package dev.parley.ui.files;

import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import javafx.scene.image.Image;
import javafx.scene.image.PixelFormat;
import javax.imageio.ImageIO;

/// What a paste or a drop carries, as files to send: the files themselves (folders are skipped),
/// or a picture alone (a screenshot) written as a PNG into a folder of ours.
public final class PastedFiles {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH.mm.ss");

    private PastedFiles() {}

    /// The files to send from what a clipboard or drag board holds: `files` when there are any;
    /// otherwise `image`, unless there is also text (a spreadsheet's cells come with a picture of
    /// themselves, and pasting them means the text). Empty when it holds nothing to send.
    public static List<Path> read(List<File> files, Image image, boolean hasText, Path folder) throws IOException {
        if (files != null && !files.isEmpty()) {
            return files.stream().map(File::toPath).filter(Files::isRegularFile).toList();
        }
        if (image != null && !hasText) {
            return List.of(png(image, folder.resolve("Screenshot " + STAMP.format(LocalDateTime.now()) + ".png")));
        }
        return List.of();
    }

    /// Writes `image` as a PNG to `target` (a free name next to it if taken) and returns the file.
    public static Path png(Image image, Path target) throws IOException {
        int width = (int) image.getWidth();
        int height = (int) image.getHeight();
        if (width <= 0 || height <= 0 || image.getPixelReader() == null) {
            throw new IOException("the picture has no pixels to read");
        }
        var argb = new int[width * height];
        image.getPixelReader().getPixels(0, 0, width, height, PixelFormat.getIntArgbInstance(), argb, 0, width);
        var buffered = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
        buffered.setRGB(0, 0, width, height, argb, 0, width);
        Files.createDirectories(target.getParent());
        var file = DownloadFolder.unusedName(target.getParent(), target.getFileName().toString());
        try (var out = Files.newOutputStream(file, java.nio.file.StandardOpenOption.CREATE_NEW)) {
            if (!ImageIO.write(buffered, "png", out)) {
                throw new IOException("no PNG writer in this Java runtime");
            }
        }
        return file;
    }
}
