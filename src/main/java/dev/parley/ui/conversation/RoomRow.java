package dev.parley.ui.conversation;

/// A joined room and how many messages arrived there while another room was shown.
public record RoomRow(String name, int unread) {}
