package dev.rpcadapter.autoconfigure.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;

import static org.assertj.core.api.Assertions.fail;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.abort;

/**
 * A headless Chromium started for one test class, with a fresh profile and a DevTools
 * port the browser picks itself (read back from {@code DevToolsActivePort}).
 * {@link #close()} kills the whole process tree.
 */
final class HeadlessChromium implements AutoCloseable {

	static final Path BINARY = Path.of("/usr/bin/chromium");

	static final String SKIP_ENV = "ADAPTER_SKIP_BROWSER_TESTS";

	private final Process process;

	private final Path profile;

	private final Path log;

	private @Nullable URI browserEndpoint;

	private HeadlessChromium(Process process, Path profile, Path log) {
		this.process = process;
		this.profile = profile;
		this.log = log;
	}

	/**
	 * Launches the browser without waiting for it (see {@link #browserEndpoint()}). Fails
	 * the test if Chromium is missing, unless {@value #SKIP_ENV} is {@code true}, which
	 * aborts (skips) it instead.
	 * @param log where the browser's stdout and stderr go
	 */
	static HeadlessChromium start(Path log) throws IOException {
		if (!Files.isExecutable(BINARY)) {
			if ("true".equalsIgnoreCase(System.getenv(SKIP_ENV))) {
				abort(BINARY + " is missing and " + SKIP_ENV + "=true: skipping the browser tests");
			}
			fail(BINARY + " is missing: the /docs browser tests need headless Chromium. Install it "
					+ "(apt-get install -y chromium; .ci/run does) or set " + SKIP_ENV + "=true to skip them.");
		}
		Path profile = Files.createTempDirectory("docs-chromium-");
		Files.createDirectories(log.getParent());
		Process process = new ProcessBuilder(List.of(BINARY.toString(), "--headless", "--no-sandbox", "--disable-gpu",
				"--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
				"--disable-quic", "--disable-dev-shm-usage", "--window-size=1280,900", "--user-data-dir=" + profile,
				"--remote-debugging-port=0", "about:blank"))
			.redirectErrorStream(true)
			.redirectOutput(log.toFile())
			.start();
		return new HeadlessChromium(process, profile, log);
	}

	/**
	 * Waits (bounded) until the browser listens for DevTools and returns its browser
	 * endpoint.
	 */
	synchronized URI browserEndpoint() {
		if (this.browserEndpoint == null) {
			this.browserEndpoint = awaitEndpoint(this.process, this.profile, this.log);
		}
		return this.browserEndpoint;
	}

	private static URI awaitEndpoint(Process process, Path profile, Path log) {
		Path portFile = profile.resolve("DevToolsActivePort");
		await("Chromium writing " + portFile + " (browser output: " + log + ")").atMost(Duration.ofSeconds(15))
			.pollInterval(Duration.ofMillis(50))
			.until(() -> {
				if (!process.isAlive()) {
					throw new IllegalStateException("Chromium exited with " + process.exitValue() + ", see " + log);
				}
				return Files.isRegularFile(portFile) && Files.readAllLines(portFile).size() >= 2;
			});
		try {
			List<String> lines = Files.readAllLines(portFile);
			return URI.create("ws://127.0.0.1:" + lines.get(0).trim() + lines.get(1).trim());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@Override
	public void close() {
		kill(this.process);
		deleteQuietly(this.profile);
	}

	private static void kill(Process process) {
		List<ProcessHandle> tree = Stream.concat(process.descendants(), Stream.of(process.toHandle())).toList();
		tree.forEach(ProcessHandle::destroyForcibly);
		tree.forEach((handle) -> handle.onExit()
			.orTimeout(5, java.util.concurrent.TimeUnit.SECONDS)
			.exceptionally((timeout) -> handle)
			.join());
	}

	private static void deleteQuietly(Path directory) {
		try (Stream<Path> files = Files.walk(directory)) {
			files.sorted(Comparator.reverseOrder()).forEach((file) -> file.toFile().delete());
		}
		catch (IOException ex) {
			// a leftover temp profile is harmless
		}
	}

}
