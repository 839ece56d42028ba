package dev.parley.ui.notify;

/// A notification to show: its title and body in the person's language, the conversation a
/// click opens, and whether to play the sound.
public record Alert(String title, String body, String conversation, boolean sound) {}
