package dev.rpcadapter.demo;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The official MCP TypeScript SDK ({@code @modelcontextprotocol/sdk}, a client no one
 * here wrote) lists and calls the demo's tools over {@code /mcp}:
 * {@code src/test/mcp-node/check.mjs}. Needs Node 20+ and {@code npm ci} in that folder
 * ({@code .ci/run} does it).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Tag("node")
class DemoMcpSdkIntegrationTests {

	private static final File PROJECT = new File("src/test/mcp-node");

	@LocalServerPort
	int port;

	@Test
	void theOfficialTypeScriptSdkListsAndCallsTheTools() throws Exception {
		assumeTrue(new File(PROJECT, "node_modules/@modelcontextprotocol/sdk").isDirectory(),
				"run `npm ci` in examples/demo-server/src/test/mcp-node first");
		ProcessBuilder builder = new ProcessBuilder("node", "check.mjs").directory(PROJECT).redirectErrorStream(true);
		builder.environment().put("MCP_URL", "http://127.0.0.1:" + this.port + "/mcp");
		Process process = builder.start();
		boolean exited = process.waitFor(120, TimeUnit.SECONDS);
		if (!exited) {
			process.destroyForcibly();
		}
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(exited).as("node check.mjs finished in time:\n%s", output).isTrue();
		assertThat(process.exitValue()).as(output).isZero();
		assertThat(output).contains("9 checks passed");
	}

}
