package dev.rpcadapter.mcpeverything;

import java.util.List;
import java.util.concurrent.TimeUnit;

import dev.rpcadapter.command.CommandException;
import dev.rpcadapter.command.CommandParam;
import dev.rpcadapter.command.JobContext;
import dev.rpcadapter.command.JsonRpcCommand;
import dev.rpcadapter.command.ToolContent;
import dev.rpcadapter.command.ToolHints;
import org.springframework.stereotype.Component;

/** The conformance suite's tools, as ordinary commands. */
@Component
public class FixtureTools {

	/** A nested object for {@code json_schema_2020_12_tool} ({@code $defs/address}). */
	public record Address(String street, String city) {
	}

	@JsonRpcCommand(name = "test_simple_text", description = "Returns a simple text")
	@ToolHints(readOnly = true, idempotent = true, openWorld = false)
	public String simpleText() {
		return "This is a simple text response for testing.";
	}

	@JsonRpcCommand(name = "test_image_content", description = "Returns an image")
	public ToolContent image() {
		return ToolContent.image(Fixtures.PNG, "image/png");
	}

	@JsonRpcCommand(name = "test_audio_content", description = "Returns audio")
	public ToolContent audio() {
		return ToolContent.audio(Fixtures.WAV, "audio/wav");
	}

	@JsonRpcCommand(name = "test_embedded_resource", description = "Returns an embedded resource")
	public ToolContent embeddedResource() {
		return ToolContent.resource("test://embedded-resource", "text/plain", "This is an embedded resource content.");
	}

	@JsonRpcCommand(name = "test_multiple_content_types", description = "Returns text, an image and a resource")
	public List<ToolContent> multipleContentTypes() {
		return List.of(ToolContent.text("Multiple content types test:"), ToolContent.image(Fixtures.PNG, "image/png"),
				ToolContent.resource("test://mixed-content-resource", "application/json",
						"{\"test\":\"data\",\"value\":123}"));
	}

	@JsonRpcCommand(name = "test_error_handling", description = "Always fails")
	public String errorHandling() {
		throw new CommandException("This tool intentionally returns an error for testing");
	}

	@JsonRpcCommand(name = "test_tool_with_progress", description = "Reports progress (a queued command)",
			queued = true)
	public String progress(JobContext job) throws InterruptedException {
		for (int step = 0; step <= 100; step += 50) {
			job.progress(step, "step " + step);
			TimeUnit.MILLISECONDS.sleep(150);
		}
		return "Progress test completed";
	}

	@JsonRpcCommand(name = "json_schema_2020_12_tool", description = "Tool with JSON Schema 2020-12 features")
	public String jsonSchema(@CommandParam("name") String name, @CommandParam("address") Address address) {
		return name + " lives in " + address.city();
	}

}
