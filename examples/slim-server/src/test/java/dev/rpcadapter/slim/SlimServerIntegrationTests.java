package dev.rpcadapter.slim;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import dev.rpcadapter.command.JsonRpcCommand;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.util.ClassUtils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The slim setup on a running server: JSON-RPC and discovery work without queue, Quartz,
 * security or MCP.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ExtendWith(OutputCaptureExtension.class)
class SlimServerIntegrationTests {

	private final HttpClient http = HttpClient.newHttpClient();

	@Value("${local.server.port}")
	private int port;

	@Test
	void optionalModulesAreAbsent() {
		ClassLoader loader = getClass().getClassLoader();
		assertThat(ClassUtils.isPresent("dev.rpcadapter.queue.JobQueue", loader)).isFalse();
		assertThat(ClassUtils.isPresent("org.quartz.Scheduler", loader)).isFalse();
		assertThat(ClassUtils.isPresent("dev.rpcadapter.security.token.TokenRegistry", loader)).isFalse();
		assertThat(ClassUtils.isPresent("dev.rpcadapter.mcp.McpServer", loader)).isFalse();
	}

	@Test
	void answersJsonRpc() throws Exception {
		HttpResponse<String> response = post("/api/jsonrpc",
				"{\"jsonrpc\":\"2.0\",\"method\":\"greet\",\"params\":{\"name\":\"Ada\"},\"id\":1}");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).isEqualTo("{\"jsonrpc\":\"2.0\",\"result\":\"Hello, Ada!\",\"id\":1}");
	}

	@Test
	void validatesParamsBeforeTheMethodRuns() throws Exception {
		HttpResponse<String> response = post("/api/jsonrpc",
				"{\"jsonrpc\":\"2.0\",\"method\":\"greet\",\"params\":{\"name\":42},\"id\":2}");
		assertThat(response.body()).contains("\"code\":-32602");
	}

	@Test
	void servesHealthAndDiscovery() throws Exception {
		assertThat(get("/health").body()).contains("\"status\":\"ok\"");
		assertThat(get("/commands").body()).contains("\"greet\"");
		assertThat(get("/openrpc.json").body()).contains("\"greet\"");
		assertThat(get("/mcp").statusCode()).isEqualTo(404);
	}

	@Test
	void queuedCommandWithoutTheQueueStopsStartupWithAFix(CapturedOutput output) {
		SpringApplication application = new SpringApplication(SlimServerApplication.class, QueuedCommand.class);
		assertThatThrownBy(() -> application.run("--server.port=0"))
			.hasMessageContaining("[slowWork] need a job queue");
		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("make sure dev.rpcadapter:adapter-queue and spring-boot-starter-quartz are dependencies");
	}

	@Test
	void securityEnabledWithoutTheSecurityModuleStopsStartupWithAFix(CapturedOutput output) {
		SpringApplication application = new SpringApplication(SlimServerApplication.class);
		assertThatThrownBy(() -> application.run("--server.port=0", "--adapter.security.enabled=true"))
			.hasStackTraceContaining("so the adapter's endpoints would run without security");
		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("Add the dev.rpcadapter:adapter-security dependency");
	}

	private HttpResponse<String> post(String path, String body) throws Exception {
		return this.http.send(HttpRequest.newBuilder(uri(path))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	private HttpResponse<String> get(String path) throws Exception {
		return this.http.send(HttpRequest.newBuilder(uri(path)).build(), HttpResponse.BodyHandlers.ofString());
	}

	private URI uri(String path) {
		return URI.create("http://127.0.0.1:" + this.port + path);
	}

	static class QueuedCommand {

		@JsonRpcCommand(queued = true, description = "Needs the queue")
		public String slowWork() {
			return "done";
		}

	}

}
