package dev.rpcadapter.autoconfigure.registration;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.server.context.WebServerGracefulShutdownLifecycle;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.ContextClosedEvent;
import reactor.core.Disposable;
import tools.jackson.databind.ObjectMapper;

/**
 * Registers this server with the proxy and keeps it registered.
 *
 * <ul>
 * <li>Learns the bound port from {@link WebServerInitializedEvent}; registers on
 * {@link ApplicationReadyEvent}, when the server accepts connections and every command is
 * known.</li>
 * <li>All work runs on one scheduler thread; requests are non-blocking with timeouts, so
 * startup and request serving never wait for the proxy.</li>
 * <li>Failures retry with exponential back-off and jitter, forever unless
 * {@code max-attempts} is set. "Already registered" is success. A heartbeat answered 404
 * re-registers at once.</li>
 * <li>Unregisters when the context starts closing ({@link ContextClosedEvent}, before any
 * lifecycle bean stops), so the listener and the queue still serve; as a lifecycle bean
 * it also stops in a phase before the web server's graceful shutdown.</li>
 * </ul>
 */
final class ProxyRegistrar implements SmartLifecycle, ApplicationListener<ApplicationEvent> {

	/**
	 * Stops before {@link WebServerGracefulShutdownLifecycle} (higher phases stop first,
	 * start last).
	 */
	static final int PHASE = WebServerGracefulShutdownLifecycle.SMART_LIFECYCLE_PHASE + 512;

	private static final Logger logger = LoggerFactory.getLogger(ProxyRegistrar.class);

	private final RegistrationSettings settings;

	private final RegistrationState state;

	private final ObjectMapper mapper;

	private final Clock clock;

	private final Backoff backoff;

	private final Supplier<ProxyClient> clients;

	private final String uuid = UUID.randomUUID().toString();

	private volatile boolean running;

	private volatile int port = -1;

	// Touched only on the scheduler thread, except in start() and stop().
	private @Nullable ScheduledExecutorService scheduler;

	private @Nullable ProxyClient client;

	private @Nullable RegistrationPayloads payloads;

	private @Nullable ScheduledFuture<?> next;

	private @Nullable Disposable inFlight;

	private boolean failing;

	ProxyRegistrar(RegistrationSettings settings, RegistrationState state, ObjectMapper mapper, Clock clock,
			Backoff backoff, Supplier<ProxyClient> clients) {
		this.settings = settings;
		this.state = state;
		this.mapper = mapper;
		this.clock = clock;
		this.backoff = backoff;
		this.clients = clients;
	}

	/** This process's instance id, sent as {@code uuid}. */
	String uuid() {
		return this.uuid;
	}

	@Override
	public void onApplicationEvent(ApplicationEvent event) {
		if (event instanceof WebServerInitializedEvent initialized
				&& initialized.getApplicationContext().getServerNamespace() == null) {
			this.port = initialized.getWebServer().getPort();
		}
		else if (event instanceof ApplicationReadyEvent && this.running) {
			onScheduler(this::begin);
		}
		else if (event instanceof ContextClosedEvent) {
			// published before any lifecycle bean stops: unregister while the whole
			// server (queue included) still works
			stop();
		}
	}

	@Override
	public void start() {
		this.scheduler = Executors.newSingleThreadScheduledExecutor((task) -> {
			Thread thread = new Thread(task, ProxyClient.THREAD_PREFIX);
			thread.setDaemon(true);
			return thread;
		});
		this.client = this.clients.get();
		this.running = true;
	}

	@Override
	public void stop() {
		ScheduledExecutorService executor = this.scheduler;
		if (!this.running || executor == null) {
			return;
		}
		this.running = false;
		try {
			executor.submit(this::cancelPending).get(5, TimeUnit.SECONDS);
		}
		catch (Exception ex) {
			logger.debug("Could not cancel pending registration work", ex);
		}
		unregister();
		this.state.disabled();
		executor.shutdownNow();
		awaitTermination(executor);
		ProxyClient current = this.client;
		if (current != null) {
			current.close();
		}
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	@Override
	public int getPhase() {
		return PHASE;
	}

	private void begin() {
		String serverUrl = serverUrl();
		if (serverUrl == null) {
			this.state.failed("No advertised URL: set adapter.registration.advertised-url (no web server port known)",
					null);
			logger.error("Proxy registration cannot start: no web server port is known and "
					+ "adapter.registration.advertised-url is empty");
			return;
		}
		this.payloads = new RegistrationPayloads(this.mapper, this.clock, this.settings.serverId(), serverUrl,
				this.settings.capabilities(), metadata(URI.create(serverUrl)), this.uuid);
		this.state.advertising(serverUrl);
		logger.info("Registering '{}' at {} with the proxy at {}", this.settings.serverId(), serverUrl,
				this.settings.register());
		register();
	}

	private @Nullable String serverUrl() {
		URI configured = this.settings.advertisedUrl();
		if (configured != null) {
			return configured.toString();
		}
		if (this.port <= 0) {
			return null;
		}
		String derived = RegistrationUrls.derive(this.settings.scheme(), this.settings.bindAddress(), this.port);
		logger.info("adapter.registration.advertised-url is empty; advertising {} "
				+ "(set it when the proxy reaches this server by another address)", derived);
		return derived;
	}

	private Map<String, Object> metadata(URI serverUrl) {
		Map<String, Object> metadata = new LinkedHashMap<>();
		metadata.put("protocol", serverUrl.getScheme());
		metadata.put("host", serverUrl.getHost());
		metadata.put("port",
				(serverUrl.getPort() > 0) ? serverUrl.getPort() : ("https".equals(serverUrl.getScheme()) ? 443 : 80));
		metadata.putAll(this.settings.metadata());
		return metadata;
	}

	private void register() {
		RegistrationPayloads body = this.payloads;
		if (!this.running || body == null) {
			return;
		}
		this.state.attemptStarted();
		send("register", this.settings.register(), body.register(), this::onRegisterAnswer);
	}

	private void heartbeat() {
		RegistrationPayloads body = this.payloads;
		if (!this.running || body == null) {
			return;
		}
		this.state.heartbeatStarted();
		send("heartbeat", this.settings.heartbeat(), body.heartbeat(), this::onHeartbeatAnswer);
	}

	private void onRegisterAnswer(@Nullable ProxyResponse response, @Nullable Throwable error) {
		if (response != null && (response.isSuccess() || response.isAlreadyRegistered())) {
			registered(response.isAlreadyRegistered() ? "already registered" : "registered");
		}
		else {
			retry(describe(response, error));
		}
	}

	private void onHeartbeatAnswer(@Nullable ProxyResponse response, @Nullable Throwable error) {
		if (response != null && (response.isSuccess() || response.isAlreadyRegistered())) {
			this.state.succeeded();
			schedule(this::heartbeat, this.settings.heartbeatInterval());
		}
		else if (response != null && response.isNotFound()) {
			logger.info("The proxy no longer knows '{}' (heartbeat answered 404); registering again",
					this.settings.serverId());
			this.state.forgotten("heartbeat answered HTTP 404: the proxy forgot this server");
			register();
		}
		else {
			retry("heartbeat failed: " + describe(response, error));
		}
	}

	private void registered(String how) {
		this.state.succeeded();
		if (this.failing) {
			logger.info("Proxy registration of '{}' recovered ({})", this.settings.serverId(), how);
		}
		else {
			logger.info("Proxy registration of '{}' done ({})", this.settings.serverId(), how);
		}
		this.failing = false;
		schedule(this::heartbeat, this.settings.heartbeatInterval());
	}

	private void retry(String error) {
		long failures = Math.max(1, this.state.snapshot().attempts());
		int max = this.settings.maxAttempts();
		if (max > 0 && failures >= max) {
			this.state.failed(error, null);
			logger.error("Proxy registration of '{}' gave up after {} failed attempts; last error: {}",
					this.settings.serverId(), failures, error);
			return;
		}
		Duration delay = this.backoff.delay(failures);
		this.state.failed(error, this.clock.instant().plus(delay));
		if (!this.failing) {
			logger.warn("Proxy registration of '{}' failed ({}); retrying in {} ms and on, with back-off",
					this.settings.serverId(), error, delay.toMillis());
		}
		else {
			logger.debug("Proxy registration attempt {} failed ({}); next in {} ms", failures, error, delay.toMillis());
		}
		this.failing = true;
		schedule(this::register, delay);
	}

	private void send(String kind, URI url, byte[] body, AnswerHandler handler) {
		ProxyClient http = this.client;
		if (http == null) {
			return;
		}
		this.inFlight = http.post(kind, url, body)
			.subscribe((response) -> onScheduler(() -> answered(handler, response, null)),
					(error) -> onScheduler(() -> answered(handler, null, error)));
	}

	private void answered(AnswerHandler handler, @Nullable ProxyResponse response, @Nullable Throwable error) {
		this.inFlight = null;
		if (this.running) {
			handler.handle(response, error);
		}
	}

	private void schedule(Runnable task, Duration delay) {
		ScheduledExecutorService executor = this.scheduler;
		if (this.running && executor != null) {
			this.next = executor.schedule(task, delay.toNanos(), TimeUnit.NANOSECONDS);
		}
	}

	private void onScheduler(Runnable task) {
		ScheduledExecutorService executor = this.scheduler;
		if (executor == null) {
			return;
		}
		try {
			executor.execute(() -> {
				try {
					task.run();
				}
				catch (RuntimeException ex) {
					logger.error("Proxy registration step failed", ex);
				}
			});
		}
		catch (RejectedExecutionException ex) {
			// stopping: nothing more to do
		}
	}

	private void cancelPending() {
		ScheduledFuture<?> pending = this.next;
		if (pending != null) {
			pending.cancel(false);
		}
		Disposable request = this.inFlight;
		if (request != null) {
			request.dispose();
		}
	}

	private void unregister() {
		RegistrationPayloads body = this.payloads;
		ProxyClient http = this.client;
		if (body == null || http == null || this.state.snapshot().lastSuccess() == null) {
			return;
		}
		try {
			ProxyResponse response = http.post("unregister", this.settings.unregister(), body.unregister())
				.block(this.settings.requestTimeout().plus(this.settings.requestTimeout()));
			if (response != null && (response.isSuccess() || response.isNotFound())) {
				logger.info("Unregistered '{}' from the proxy", this.settings.serverId());
			}
			else {
				logger.warn("The proxy refused to unregister '{}': {}", this.settings.serverId(),
						(response != null) ? response.describe() : "no answer");
			}
		}
		catch (RuntimeException ex) {
			logger.warn("Could not unregister '{}' from the proxy: {}", this.settings.serverId(), describe(null, ex));
		}
	}

	private static String describe(@Nullable ProxyResponse response, @Nullable Throwable error) {
		if (response != null) {
			return response.describe();
		}
		if (error == null) {
			return "no answer";
		}
		Throwable cause = (error.getCause() != null && error.getMessage() == null) ? error.getCause() : error;
		String message = cause.getMessage();
		return cause.getClass().getSimpleName() + ((message != null) ? ": " + message : "");
	}

	private static void awaitTermination(ScheduledExecutorService executor) {
		try {
			executor.awaitTermination(5, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	@FunctionalInterface
	private interface AnswerHandler {

		void handle(@Nullable ProxyResponse response, @Nullable Throwable error);

	}

}
