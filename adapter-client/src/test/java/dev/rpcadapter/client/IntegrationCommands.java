package dev.rpcadapter.client;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

import dev.rpcadapter.command.CommandException;
import dev.rpcadapter.command.CommandParam;
import dev.rpcadapter.command.JsonRpcCommand;
import dev.rpcadapter.command.JsonRpcCommand.Blocking;
import jakarta.validation.constraints.Min;
import reactor.core.publisher.Mono;

/**
 * The commands the client integration tests call on a real server: the JSON-RPC spec §7
 * examples, typed results, failures, slow and never-ending commands, and a notification
 * sink.
 */
public class IntegrationCommands {

	/**
	 * What {@code record} received, in order, so tests can see that notifications ran.
	 */
	private final BlockingQueue<String> recorded = new LinkedBlockingQueue<>();

	/** The typed result of {@code describe_person}. */
	public record Person(String name, int age, boolean adult) {
	}

	@JsonRpcCommand(name = "subtract", description = "Subtract subtrahend from minuend", blocking = Blocking.NO)
	public int subtract(@CommandParam(value = "minuend", description = "the number to subtract from") int minuend,
			@CommandParam(value = "subtrahend", description = "the number to subtract") int subtrahend) {
		return minuend - subtrahend;
	}

	@JsonRpcCommand(name = "sum", description = "Add up numbers", blocking = Blocking.NO)
	public int sum(@CommandParam("a") int a, @CommandParam("b") int b, @CommandParam("c") int c) {
		return a + b + c;
	}

	@JsonRpcCommand(name = "get_data", description = "The spec's get_data", blocking = Blocking.NO)
	public List<Object> getData() {
		return List.of("hello", 5);
	}

	@JsonRpcCommand(name = "notify_hello", description = "Spec notification target", blocking = Blocking.NO)
	public void notifyHello(@CommandParam("value") int value) {
		this.recorded.add("hello " + value);
	}

	@JsonRpcCommand(name = "update", description = "Spec notification with five positional params",
			blocking = Blocking.NO)
	public void update(int a, int b, int c, int d, int e) {
		this.recorded.add("update " + (a + b + c + d + e));
	}

	@JsonRpcCommand(name = "record", description = "Remember a message (for notifications)", blocking = Blocking.NO)
	public void record(@CommandParam("message") String message) {
		this.recorded.add(message);
	}

	@JsonRpcCommand(name = "describe_person", description = "Build a typed record", blocking = Blocking.NO)
	public Person describePerson(@CommandParam("name") String name, @CommandParam("age") @Min(0) int age) {
		return new Person(name, age, age >= 18);
	}

	@JsonRpcCommand(name = "divide", description = "Divide a by b; fails with a domain error when b is 0",
			blocking = Blocking.NO)
	public double divide(@CommandParam("a") double a, @CommandParam("b") double b) {
		if (b == 0) {
			throw CommandException.withData("Division by zero", Map.of("a", a, "b", b));
		}
		return a / b;
	}

	@JsonRpcCommand(name = "explode", description = "Fails with an unexpected exception", blocking = Blocking.NO)
	public String explode() {
		throw new IllegalStateException("secret internal detail");
	}

	@JsonRpcCommand(name = "delayed_echo", description = "Answer after a delay, without blocking a thread")
	public Mono<String> delayedEcho(@CommandParam("text") String text, @CommandParam("delay_ms") @Min(0) long delayMs) {
		return Mono.delay(Duration.ofMillis(delayMs)).map((tick) -> text);
	}

	@JsonRpcCommand(name = "hang", description = "Never completes")
	public Mono<String> hang() {
		return Mono.never();
	}

	@JsonRpcCommand(name = "hang_briefly", description = "Never completes; the server gives up after 300 ms",
			timeout = "300ms")
	public Mono<String> hangBriefly() {
		return Mono.never();
	}

	public BlockingQueue<String> recorded() {
		return this.recorded;
	}

}
