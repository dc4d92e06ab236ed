package dev.rpcadapter.autoconfigure.transfer;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;

import dev.rpcadapter.command.CommandParam;
import dev.rpcadapter.command.JobContext;
import dev.rpcadapter.command.JsonRpcCommand;
import dev.rpcadapter.transfer.TransferRef;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The server of the transfer integration tests: the real starter plus commands that take
 * and make files.
 */
@Configuration(proxyBeanMethods = false)
@EnableAutoConfiguration
public class TransferTestApplication {

	@Bean
	FileCommands transferTestCommands() {
		return new FileCommands();
	}

	/** Commands over uploaded files and commands that publish artifacts. */
	public static class FileCommands {

		@JsonRpcCommand(name = "t_checksum", description = "SHA-256 of an uploaded file, read through open()",
				queued = true)
		public Map<String, Object> checksum(@CommandParam("file") TransferRef file, JobContext job)
				throws IOException, NoSuchAlgorithmException {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			try (InputStream in = new DigestInputStream(file.open(), digest)) {
				in.transferTo(OutputStreamSink.INSTANCE);
			}
			job.progress(100, "hashed " + file.size() + " bytes");
			return Map.of("name", file.name(), "size", file.size(), "sha256", HexFormat.of().formatHex(digest.digest()),
					"path_exists", java.nio.file.Files.isRegularFile(file.path()));
		}

		@JsonRpcCommand(name = "t_size", description = "Size of an uploaded file (not queued)")
		public long size(@CommandParam("file") TransferRef file) {
			return file.size();
		}

		@JsonRpcCommand(name = "t_report", description = "Publishes a text artifact of n lines", queued = true)
		public Map<String, Object> report(@CommandParam("lines") int lines, JobContext job) throws IOException {
			StringBuilder text = new StringBuilder();
			for (int i = 1; i <= lines; i++) {
				text.append("line ").append(i).append('\n');
			}
			String id = job.artifact("report.txt",
					new ByteArrayInputStream(text.toString().getBytes(StandardCharsets.UTF_8)));
			return Map.of("transfer_id", id);
		}

	}

	/** Discards bytes. */
	static final class OutputStreamSink extends java.io.OutputStream {

		static final OutputStreamSink INSTANCE = new OutputStreamSink();

		@Override
		public void write(int b) {
		}

		@Override
		public void write(byte[] b, int off, int len) {
		}

	}

}
