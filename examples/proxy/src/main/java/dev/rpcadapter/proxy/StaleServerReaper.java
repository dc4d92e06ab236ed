package dev.rpcadapter.proxy;

import java.time.Duration;

import org.jspecify.annotations.Nullable;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Schedulers;

/**
 * Drops servers that missed {@code proxy.missed-heartbeats} heartbeats, checking every
 * half heartbeat interval.
 */
@Component
class StaleServerReaper implements SmartLifecycle {

	private final ServerCatalog catalog;

	private final ProxyProperties properties;

	private volatile @Nullable Disposable task;

	StaleServerReaper(ServerCatalog catalog, ProxyProperties properties) {
		this.catalog = catalog;
		this.properties = properties;
	}

	@Override
	public void start() {
		Duration every = this.properties.getHeartbeatInterval().dividedBy(2);
		this.task = Flux.interval(every, every, Schedulers.parallel())
			.subscribe((tick) -> this.catalog.dropStale(this.properties.staleAfter()));
	}

	@Override
	public void stop() {
		Disposable current = this.task;
		if (current != null) {
			current.dispose();
		}
		this.task = null;
	}

	@Override
	public boolean isRunning() {
		return this.task != null;
	}

}
