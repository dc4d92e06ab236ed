package dev.rpcadapter.demo;

import java.util.List;

import dev.rpcadapter.command.CommandException;
import dev.rpcadapter.command.CommandParam;
import dev.rpcadapter.command.JsonRpcCommand;
import jakarta.validation.constraints.NotEmpty;
import org.springframework.stereotype.Component;

/** Arithmetic, callable by name or by position. */
@Component
public class MathCommands {

	@JsonRpcCommand(name = "subtract", description = "Subtract subtrahend from minuend",
			blocking = JsonRpcCommand.Blocking.NO)
	public long subtract(@CommandParam(value = "minuend", description = "the number to subtract from") long minuend,
			@CommandParam(value = "subtrahend", description = "the number to subtract") long subtrahend) {
		return minuend - subtrahend;
	}

	@JsonRpcCommand(name = "sum", description = "Add up a list of numbers", blocking = JsonRpcCommand.Blocking.NO)
	public double sum(@CommandParam(value = "numbers", description = "numbers to add") @NotEmpty List<Double> numbers) {
		return numbers.stream().mapToDouble(Double::doubleValue).sum();
	}

	@JsonRpcCommand(name = "divide", description = "Divide a by b; fails with a domain error when b is 0",
			blocking = JsonRpcCommand.Blocking.NO)
	public double divide(@CommandParam("a") double a, @CommandParam("b") double b) {
		if (b == 0) {
			throw CommandException.withData("Division by zero", java.util.Map.of("a", a, "b", b));
		}
		return a / b;
	}

}
