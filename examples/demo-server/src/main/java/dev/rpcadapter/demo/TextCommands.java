package dev.rpcadapter.demo;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import dev.rpcadapter.command.CommandParam;
import dev.rpcadapter.command.JsonRpcCommand;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** Text commands with validated params, and a slow asynchronous one. */
@Component
public class TextCommands {

	/** The result of {@code word_stats}. */
	public record WordStats(int words, int characters, List<String> longest) {
	}

	@JsonRpcCommand(name = "word_stats", description = "Count words and characters and list the longest words")
	public WordStats wordStats(
			@CommandParam(value = "text",
					description = "the text to analyse") @NotBlank @Size(max = 100_000) String text,
			@CommandParam(value = "top", description = "how many longest words to list",
					defaultValue = "3") @Min(1) @Max(50) int top) {
		String[] words = text.trim().split("\\s+");
		List<String> longest = Arrays.stream(words)
			.map((w) -> w.replaceAll("[^\\p{L}\\p{N}-]", ""))
			.distinct()
			.sorted((a, b) -> b.length() - a.length())
			.limit(top)
			.toList();
		return new WordStats(words.length, text.length(), longest);
	}

	@JsonRpcCommand(name = "upper", description = "Upper-case a text", blocking = JsonRpcCommand.Blocking.NO)
	public String upper(@CommandParam("text") @Size(max = 10_000) String text) {
		return text.toUpperCase(Locale.ROOT);
	}

	@JsonRpcCommand(name = "slow_greet", description = "Greet after a delay, without blocking a thread",
			timeout = "30s")
	public Mono<String> slowGreet(@CommandParam("name") @NotBlank String name,
			@CommandParam(value = "delay_ms", defaultValue = "200") @Min(0) @Max(20_000) long delayMs) {
		return Mono.delay(Duration.ofMillis(delayMs)).map((tick) -> "Hello, " + name + "!");
	}

}
