package dev.parley.ui;

/// A joined room and how many messages arrived there while another room was shown.
public record RoomRow(String name, int unread) {}
