package dev.parley.ui.notify;

import dev.parley.protocol.AtomicWrite;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

/// What the person chose about being notified, kept as `notifications.properties` (UTF-8) in
/// the data folder beside the window's settings: muted conversations, "Do not disturb", and
/// when to play a sound (private messages and mentions by default, rooms not). FX thread only;
/// [#copy] gives a snapshot to save elsewhere.
public final class NotifySettings {

    public static final String FILE_NAME = "notifications.properties";

    private final Set<String> muted = new TreeSet<>();
    private boolean doNotDisturb;
    private boolean soundRooms;
    private boolean soundPrivate = true;
    private boolean soundMentions = true;

    public boolean muted(String conversation) { return muted.contains(conversation); }
    public void mute(String conversation, boolean on) {
        if (on) muted.add(conversation); else muted.remove(conversation);
    }
    public boolean doNotDisturb() { return doNotDisturb; }
    public void doNotDisturb(boolean on) { doNotDisturb = on; }
    public boolean soundRooms() { return soundRooms; }
    public void soundRooms(boolean on) { soundRooms = on; }
    public boolean soundPrivate() { return soundPrivate; }
    public void soundPrivate(boolean on) { soundPrivate = on; }
    public boolean soundMentions() { return soundMentions; }
    public void soundMentions(boolean on) { soundMentions = on; }

    /// Reads `dir/notifications.properties`; a missing or unreadable file gives the defaults.
    public static NotifySettings load(Path dir) {
        var settings = new NotifySettings();
        var p = new Properties();
        try {
            p.load(new StringReader(Files.readString(dir.resolve(FILE_NAME), StandardCharsets.UTF_8)));
        } catch (IOException | IllegalArgumentException missingOrDamaged) {
            return settings;
        }
        Arrays.stream(p.getProperty("muted", "").split("\n")).map(String::strip).filter(s -> !s.isEmpty())
                .forEach(settings.muted::add);
        settings.doNotDisturb = flag(p, "doNotDisturb", false);
        settings.soundRooms = flag(p, "sound.rooms", false);
        settings.soundPrivate = flag(p, "sound.private", true);
        settings.soundMentions = flag(p, "sound.mentions", true);
        return settings;
    }

    private static boolean flag(Properties p, String key, boolean fallback) {
        var value = p.getProperty(key, "").strip();
        return value.isEmpty() ? fallback : Boolean.parseBoolean(value);
    }

    /// Writes the whole file or nothing ([AtomicWrite]), owner-only like the rest of the data folder.
    public void save(Path dir) throws IOException {
        var p = new Properties();
        p.setProperty("muted", String.join("\n", muted));
        p.setProperty("doNotDisturb", Boolean.toString(doNotDisturb));
        p.setProperty("sound.rooms", Boolean.toString(soundRooms));
        p.setProperty("sound.private", Boolean.toString(soundPrivate));
        p.setProperty("sound.mentions", Boolean.toString(soundMentions));
        var text = new StringWriter();
        p.store(text, "Parley notification settings");
        AtomicWrite.write(dir.resolve(FILE_NAME), text.toString().getBytes(StandardCharsets.UTF_8));
    }

    /// Takes over every choice of `other` (the file read off the FX thread).
    public void adopt(NotifySettings other) {
        muted.clear();
        muted.addAll(other.muted);
        doNotDisturb = other.doNotDisturb;
        soundRooms = other.soundRooms;
        soundPrivate = other.soundPrivate;
        soundMentions = other.soundMentions;
    }

    public NotifySettings copy() {
        var c = new NotifySettings();
        c.adopt(this);
        return c;
    }
}
