package dev.rpcadapter.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.rpcadapter.command.CommandParam;
import dev.rpcadapter.command.JobContext;
import dev.rpcadapter.command.JsonRpcCommand;
import dev.rpcadapter.transfer.TransferRef;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.stereotype.Component;

/**
 * Commands over files: take an uploaded file ({@link TransferRef}), produce a
 * downloadable artifact.
 */
@Component
public class FileCommands {

	/** The result of {@code checksum}. */
	public record Checksum(String name, long size, String sha256) {
	}

	/** The result of {@code make_report}. */
	public record Report(@JsonProperty("transfer_id") String transferId, int lines) {
	}

	@JsonRpcCommand(name = "checksum", description = "SHA-256 and size of an uploaded file, with progress (queued)",
			queued = true, timeout = "1h")
	public Checksum checksum(
			@CommandParam(value = "file", description = "transfer_id of a completed upload") TransferRef file,
			JobContext job) throws IOException, NoSuchAlgorithmException {
		MessageDigest digest = MessageDigest.getInstance("SHA-256");
		byte[] buffer = new byte[1 << 20];
		long done = 0;
		try (InputStream in = file.open()) {
			for (int n = in.read(buffer); n >= 0 && !job.isStopRequested(); n = in.read(buffer)) {
				digest.update(buffer, 0, n);
				done += n;
				job.progress((int) (100 * done / Math.max(1, file.size())),
						"hashed " + done + " of " + file.size() + " bytes");
			}
		}
		return new Checksum(file.name(), done, HexFormat.of().formatHex(digest.digest()));
	}

	@JsonRpcCommand(name = "make_report",
			description = "Write a text report of `lines` lines and publish it as an artifact (queued)", queued = true)
	public Report makeReport(@CommandParam(value = "lines", description = "lines to write",
			defaultValue = "10") @Min(1) @Max(1_000_000) int lines, JobContext job) throws IOException {
		Path file = Files.createTempFile("report", ".txt");
		try {
			try (Writer out = Files.newBufferedWriter(file)) {
				for (int i = 1; i <= lines; i++) {
					out.write("line " + i + " of " + lines + "\n");
					if (i % 10_000 == 0) {
						job.progress(100 * i / lines, "wrote " + i + " lines");
					}
				}
			}
			return new Report(job.artifact("report.txt", file), lines);
		}
		finally {
			Files.deleteIfExists(file);
		}
	}

}
