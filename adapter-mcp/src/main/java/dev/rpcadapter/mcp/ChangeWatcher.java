package dev.rpcadapter.mcp;

import java.time.Duration;

import dev.rpcadapter.command.CommandRegistry;
import org.jspecify.annotations.Nullable;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;

/**
 * Tells sessions {@code notifications/tools/list_changed} when the registry's version
 * moves, and ends idle sessions. One timer for the server, reading a counter: no work per
 * session until something changed.
 */
final class ChangeWatcher implements AutoCloseable {

	private final @Nullable Disposable timer;

	ChangeWatcher(CommandRegistry registry, @Nullable Sessions sessions) {
		if (sessions == null) {
			this.timer = null;
			return;
		}
		long[] seen = { registry.version() };
		this.timer = Flux.interval(Duration.ofSeconds(1)).subscribe((tick) -> {
			long version = registry.version();
			if (version != seen[0]) {
				seen[0] = version;
				// only sessions that began before the change are told (their client's
				// list is stale)
				sessions.forEach((s) -> {
					if (s.toolsChanged(version)) {
						s.notify(Rpc.notification("notifications/tools/list_changed", Rpc.object()));
					}
				});
			}
			if (tick % 60 == 59) {
				sessions.expire();
			}
		});
	}

	@Override
	public void close() {
		if (this.timer != null) {
			this.timer.dispose();
		}
	}

}
