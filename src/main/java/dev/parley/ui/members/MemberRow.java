package dev.parley.ui.members;

import java.time.Instant;

/// One connection in the member list. `address` is only known to the host (null otherwise);
/// `status` is `online`, `away` or `dnd`.
public record MemberRow(String clientId, Instant since, String address, boolean self, String status) {

    public MemberRow(String clientId, Instant since, String address, boolean self) {
        this(clientId, since, address, self, dev.parley.protocol.Message.Member.ONLINE);
    }
}
