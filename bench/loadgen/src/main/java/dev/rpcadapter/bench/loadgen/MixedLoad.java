package dev.rpcadapter.bench.loadgen;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

import javax.net.ssl.SSLContext;

import io.netty.handler.ssl.JdkSslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslProvider;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The traffic beside the echo load of a soak: JSON-RPC batches, queued jobs polled over
 * HTTP, and {@code /ws} subscribers that each run queued jobs and wait for their terminal
 * event, all with the same credentials as the {@link LoadGenerator}
 * ({@code --url --ca --cert --key --header}). Sizes from system properties:
 * {@code mixed.batch-every-ms} (250), {@code mixed.batch-size} (10),
 * {@code mixed.job-every-ms} (1000), {@code mixed.ws} (8 subscribers), {@code mixed.job}
 * (the queued command, {@code audit_report}). Prints {@code MIXED ...} counts each minute
 * and at the end; exit code 1 when anything failed.
 */
public final class MixedLoad {

	static final JsonMapper json = JsonMapper.builder().build();

	final LongAdder batches = new LongAdder();

	final LongAdder jobs = new LongAdder();

	final LongAdder wsJobs = new LongAdder();

	final LongAdder errors = new LongAdder();

	final Options options;

	final HttpClient http;

	final String job = System.getProperty("mixed.job", "audit_report");

	private MixedLoad(Options options) throws Exception {
		this.options = options;
		this.http = HttpClient.newBuilder()
			.sslContext(sslContext(options))
			.connectTimeout(Duration.ofSeconds(30))
			.build();
	}

	public static void main(String[] args) throws Exception {
		MixedLoad load = new MixedLoad(Options.parse(args));
		System.exit(load.run() ? 0 : 1);
	}

	private boolean run() throws InterruptedException {
		ScheduledExecutorService timer = Executors.newScheduledThreadPool(2);
		long end = System.nanoTime() + this.options.duration().toNanos();
		int batchSize = Integer.getInteger("mixed.batch-size", 10);
		timer.scheduleAtFixedRate(() -> batch(batchSize), 0, Integer.getInteger("mixed.batch-every-ms", 250),
				TimeUnit.MILLISECONDS);
		timer.scheduleAtFixedRate(this::queuedJob, 0, Integer.getInteger("mixed.job-every-ms", 1000),
				TimeUnit.MILLISECONDS);
		timer.scheduleAtFixedRate(() -> System.err.println(line()), 60, 60, TimeUnit.SECONDS);
		WebSocketSubscribers subscribers = new WebSocketSubscribers(this, Integer.getInteger("mixed.ws", 8), end);
		subscribers.start();
		TimeUnit.NANOSECONDS.sleep(Math.max(0, end - System.nanoTime()));
		timer.shutdown();
		timer.awaitTermination(30, TimeUnit.SECONDS);
		subscribers.awaitEnd();
		System.out.println(line());
		return this.errors.sum() == 0 && this.batches.sum() > 0;
	}

	String line() {
		return "MIXED batches=" + this.batches.sum() + " jobs=" + this.jobs.sum() + " ws_jobs=" + this.wsJobs.sum()
				+ " errors=" + this.errors.sum();
	}

	private void batch(int size) {
		StringBuilder body = new StringBuilder("[");
		for (int i = 0; i < size; i++) {
			body.append(i == 0 ? "" : ",")
				.append("{\"jsonrpc\":\"2.0\",\"id\":")
				.append(i)
				.append(",\"method\":\"echo\",\"params\":{\"message\":\"batch ")
				.append(i)
				.append("\"}}");
		}
		post(body.append(']').toString()).thenAccept((answer) -> {
			boolean ok = answer.isArray() && answer.size() == size;
			for (JsonNode element : answer) {
				ok &= element.has("result");
			}
			count(ok, this.batches, "batch answer " + answer);
		}).exceptionally((ex) -> fail("batch: " + ex));
	}

	private void queuedJob() {
		String call = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"" + this.job + "\",\"params\":{\"entries\":10}}";
		post(call).thenCompose((answer) -> poll(answer.path("result").path("job_id").asString(""), 0))
			.thenAccept((status) -> count("completed".equals(status), this.jobs, "job ended " + status))
			.exceptionally((ex) -> fail("job: " + ex));
	}

	private CompletableFuture<String> poll(String jobId, int attempt) {
		if (jobId.isEmpty() || attempt > 300) {
			return CompletableFuture.completedFuture("lost");
		}
		String call = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"queue_get_job_status\",\"params\":{\"job_id\":\""
				+ jobId + "\"}}";
		return post(call).thenCompose((answer) -> {
			String status = answer.path("result").path("status").asString("");
			if (status.equals("completed") || status.equals("failed") || status.equals("stopped")
					|| answer.has("error")) {
				return CompletableFuture.completedFuture(answer.has("error") ? answer.toString() : status);
			}
			return CompletableFuture
				.supplyAsync(() -> jobId, CompletableFuture.delayedExecutor(100, TimeUnit.MILLISECONDS))
				.thenCompose((id) -> poll(id, attempt + 1));
		});
	}

	CompletableFuture<JsonNode> post(String body) {
		HttpRequest.Builder request = HttpRequest.newBuilder(this.options.url())
			.timeout(Duration.ofSeconds(30))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body));
		this.options.headers().forEach(request::header);
		return this.http.sendAsync(request.build(), HttpResponse.BodyHandlers.ofString()).thenApply((response) -> {
			if (response.statusCode() != 200) {
				throw new IllegalStateException("HTTP " + response.statusCode() + " " + response.body());
			}
			return json.readTree(response.body());
		});
	}

	void count(boolean ok, LongAdder counter, String problem) {
		if (ok) {
			counter.increment();
		}
		else {
			fail(problem);
		}
	}

	Void fail(String problem) {
		this.errors.increment();
		LoadGenerator.reportFirstError(problem);
		return null;
	}

	private static SSLContext sslContext(Options options) throws Exception {
		if (!options.secure()) {
			return SSLContext.getDefault();
		}
		SslContextBuilder builder = SslContextBuilder.forClient().sslProvider(SslProvider.JDK);
		if (options.caCertificate() != null) {
			builder.trustManager(options.caCertificate().toFile());
		}
		if (options.clientCertificate() != null) {
			builder.keyManager(options.clientCertificate().toFile(), options.clientKey().toFile());
		}
		return ((JdkSslContext) builder.build()).context();
	}

}
