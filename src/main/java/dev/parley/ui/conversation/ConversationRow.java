package dev.parley.ui.conversation;

/// One conversation of the side list: a joined room (`id` its name) or a private conversation
/// (`id` is `@name`, `title` the other member's name as the server spells it); how many
/// messages arrived while another was shown, and who is typing there now (null: nobody).
public record ConversationRow(String id, String title, boolean privately, int unread, String typing) {

    ConversationRow withUnread(int count) {
        return new ConversationRow(id, title, privately, count, typing);
    }

    ConversationRow withTyping(String who) {
        return new ConversationRow(id, title, privately, unread, who);
    }
}
