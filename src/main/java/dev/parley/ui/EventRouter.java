package dev.parley.ui;

import dev.parley.ui.common.Note;
import dev.parley.client.ClientEvent;
import dev.parley.client.ConnectionState;
import java.util.List;

/// Sends each client event to the view models it concerns (one exhaustive switch).
final class EventRouter {

    private final MainViewModel vm;

    EventRouter(MainViewModel vm) {
        this.vm = vm;
    }

    void route(ClientEvent event) {
        switch (event) {
            case ClientEvent.StateChanged changed -> {
                vm.status().changed(changed, vm.nowProperty().get());
                vm.input().connection(switch (changed.state()) {
                    case CONNECTED, RECONNECTING -> null; // the client's outbox keeps messages until reconnected
                    case CONNECTING -> Note.of("input.off.connecting");
                    case DISCONNECTED -> Note.of("input.off.disconnected");
                });
                if (changed.state() == ConnectionState.DISCONNECTED) {
                    vm.members().clear();
                }
                vm.trust().stateChanged(changed);
            }
            case ClientEvent.Welcomed(var welcome) -> {
                vm.log().self(welcome.clientId());
                vm.members().self(welcome.clientId());
                vm.members().seedOnly(false);
                if (welcome.limits() != null) {
                    vm.input().maxCharsProperty().set(welcome.limits().maxTextChars());
                }
                vm.rooms().welcomed(welcome.room(), welcome.rooms() == null ? List.of() : welcome.rooms());
                if (welcome.renamedFrom() != null) {
                    vm.log().apply(new ClientEvent.SystemNotice(
                            welcome.renamedFrom() + " → " + welcome.clientId()));
                }
            }
            case ClientEvent.SeedServerDetected seed -> vm.members().seedOnly(true);
            case ClientEvent.PresenceChanged(var room, var members) -> {
                vm.rooms().joined(room);
                vm.members().presence(room, members);
            }
            case ClientEvent.PresenceUpdated(var room, var joined, var left) -> vm.members().update(room, joined, left);
            case ClientEvent.LineAdded added -> {
                if (!dev.parley.client.Line.isPrivate(added.line().conversation())) {
                    vm.rooms().joined(added.line().conversation());
                }
                var unreadIn = vm.log().apply(added);
                if (unreadIn != null) {
                    vm.rooms().arrived(unreadIn);
                }
            }
            case ClientEvent.Refused(var code, var message, var ref) -> {
                vm.input().refused(code.wire(), message);
                vm.log().apply(event);
            }
            case ClientEvent.RoundTrip(var rtt) -> vm.status().roundTrip(rtt);
            case ClientEvent.SearchResults results -> vm.search().results(results);
            case ClientEvent.SearchFailed failed -> vm.search().failed(failed);
            case ClientEvent.TypingNotice typing -> { }
            case ClientEvent.ServerTrusted trusted -> {
                var line = vm.trust().trusted(trusted);
                if (line != null) {
                    vm.log().apply(new ClientEvent.SystemNotice(line));
                }
            }
            default -> vm.log().apply(event);
        }
    }
}
